using FsCheck;
using FsCheck.Xunit;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>The backward pass equals finite differences of the forward pass, for the input and every parameter.</summary>
public class BackpropProperties
{
    static LayerPlan Plan(Layer layer, int width) => Network.Build(layer, width).ThrowIfFail().Plan;

    static void AssertGradients(LayerPlan plan, int rows, Rng rng, string what, Mode mode = Mode.Train)
    {
        foreach (var o in GradientCheck.Check(plan, rows, rng, mode))
            Assert.True(o.Passed, $"{what}, {rows} rows, key {rng.Key}: {o}");
    }

    [SeededProperty]
    public void Dense_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var (inputs, units, rows) = (1 + rng.Below(0, 16), 1 + rng.Below(1, 16), 1 + rng.Below(2, 8));
        AssertGradients(Plan(Layers.Dense(units, Inits.Normal(1), Inits.Normal(1)), inputs), rows, rng, $"dense {inputs}→{units}");
    }

    [SeededProperty]
    public void Dense_without_bias_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        AssertGradients(Plan(Layers.Dense(1 + rng.Below(0, 16), useBias: false), 1 + rng.Below(1, 16)), 3, rng, "dense, no bias");
    }

    [SeededProperty]
    public void Every_activation_layer_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        foreach (var f in Activation.All.Where(a => a != Activation.Step))
            AssertGradients(Plan(Layers.Activation(f), 1 + rng.Below(0, 16)), 1 + rng.Below(1, 6), rng, f.Name);
    }

    [SeededProperty]
    public void PRelu_slope_and_input_gradients_equal_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        AssertGradients(Plan(Layers.PRelu(), 1 + rng.Below(0, 16)), 1 + rng.Below(1, 6), rng, "prelu");
    }

    [SeededProperty]
    public void Dropout_with_a_fixed_mask_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        AssertGradients(Plan(Layers.Dropout(0.1 + 0.8 * rng.Uniform(0)), 1 + rng.Below(1, 16)), 1 + rng.Below(2, 6), rng, "dropout");
    }

    [SeededProperty]
    public void Softmax_with_temperature_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var t = 0.25 + 3 * rng.Uniform(0);
        AssertGradients(Plan(Layers.Softmax(t), 1 + rng.Below(1, 16)), 1 + rng.Below(2, 6), rng, $"softmax T={t}");
    }

    [SeededProperty]
    public void LayerNorm_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var epsilon = rng.Below(5, 2) == 0 ? 1e-5 : 0.5;
        AssertGradients(Plan(Layers.LayerNorm(epsilon), 1 + rng.Below(0, 16)), 1 + rng.Below(1, 6), rng, $"layer norm ε {epsilon}");
    }

    [SeededProperty]
    public void BatchNorm_backward_equals_finite_differences_in_training_and_evaluation(Seed seed)
    {
        var rng = seed.Rng;
        var (width, rows) = (1 + rng.Below(0, 16), 2 + rng.Below(1, 6));
        var plan = Plan(Layers.BatchNorm(), width);
        AssertGradients(plan, rows, rng, "batch norm, training");
        AssertGradients(plan, rows, rng.Fold(1), "batch norm, evaluation", Mode.Evaluate);
    }

    [SeededProperty]
    public void Residual_blocks_around_generated_stacks_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var (body, width, description) = RandomNetworks.Stack(rng);
        var project = Plan(body, width).OutputWidth != width || rng.Below(50, 2) == 0;
        AssertGradients(Plan(Layers.Residual(body, project), width), 1 + rng.Below(99, 6), rng.Fold(7), $"residual{(project ? ", projected," : "")} of {description}");
    }

    [SeededProperty]
    public void Deep_stacks_of_residual_blocks_norms_and_dropout_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var (layer, width, description) = RandomNetworks.Deep(rng);
        AssertGradients(Plan(layer, width), 1 + rng.Below(99, 6), rng.Fold(7), description);
        AssertGradients(Plan(layer, width), 2, rng.Fold(8), description + " (evaluation)", Mode.Evaluate);
    }

    [SeededProperty]
    public void Serial_stacks_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var (layer, width, description) = RandomNetworks.Stack(rng);
        AssertGradients(Plan(layer, width), 1 + rng.Below(99, 6), rng.Fold(7), description);
    }

    [SeededProperty]
    public void Serial_stacks_in_evaluation_mode_backward_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        var (layer, width, description) = RandomNetworks.Stack(rng);
        AssertGradients(Plan(layer, width), 2, rng.Fold(8), description, Mode.Evaluate);
    }
}
