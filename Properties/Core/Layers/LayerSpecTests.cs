using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 14: any network composed from the constructors is described as data and rebuilt from it, the same network.</summary>
public class LayerSpecTests
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    /// <summary>Generated trees (dense, every activation, PReLU, dropout, softmax, residual, both norms, serial): describe → build → describe is the same description, and the same function.</summary>
    [SeededProperty]
    public void A_described_network_rebuilds_into_the_same_network(Seed seed)
    {
        var rng = seed.Rng;
        var (layer, width, description) = rng.Below(0, 2) == 0 ? RandomNetworks.Deep(rng.Fold(1)) : RandomNetworks.Stack(rng.Fold(1));
        var spec = LayerSpecs.Describe(layer).ThrowIfFail();
        var rebuilt = LayerSpecs.Build(spec).ThrowIfFail();
        Assert.Equal(spec, LayerSpecs.Describe(rebuilt).ThrowIfFail());
        Assert.Equal(layer.Name, rebuilt.Name);
        var (a, b) = (Network.Build(layer, width).ThrowIfFail(), Network.Build(rebuilt, width).ThrowIfFail());
        Assert.Equal(a.Layout.Segments, b.Layout.Segments);
        Assert.Equal(a.StateLayout.Segments, b.StateLayout.Segments);
        var p = a.Init(rng.Fold(2));
        Assert.Equal(p.ToArray(), b.Init(rng.Fold(2)).ToArray());
        var x = Matrix.Create(1 + rng.Below(3, 5), width, rng.Fold(4), static (dst, r) => r.FillNormal(0f, 1f, dst));
        Assert.Equal(Inference.Forward(Cpu, a, p, x).ThrowIfFail().ToArray(), Inference.Forward(Cpu, b, p, x).ThrowIfFail().ToArray());
        _ = description;
    }

    [Fact]
    public void Every_kind_is_described_with_its_arguments()
    {
        var layer = Layers.Serial(Layers.Dense(4, Inits.He, useBias: false), Layers.LeakyRelu(0.2), Layers.PRelu(0.1), Layers.Dropout(0.25),
            Layers.Residual(Layers.Serial(Layers.Dense(3, bias: Inits.Constant(0.01)), Layers.LayerNorm(1e-3)), project: true),
            Layers.BatchNorm(1e-4, 0.2), Layers.Softmax(2));
        var spec = LayerSpecs.Describe(layer).ThrowIfFail();
        Assert.Equal("serial", spec.Kind);
        Assert.Equal(["dense", "activation", "prelu", "dropout", "residual", "batch-norm", "softmax"], spec.Children.Select(c => c.Kind));
        Assert.Equal([("units", "4"), ("bias", "false"), ("weights", "he-normal"), ("weights_scale", "1")], spec.Children[0].Arguments.Select(a => (a.Name, a.Value)));
        Assert.Equal("leaky-relu", spec.Children[1]["function"]);
        Assert.Equal("0.2", spec.Children[1]["alpha"]);
        var body = spec.Children[4].Children.Single();
        Assert.Equal("true", spec.Children[4]["project"]);
        Assert.Equal(["dense", "layer-norm"], body.Children.Select(c => c.Kind));
        Assert.Equal("constant", body.Children[0]["bias_init"]);
        Assert.Equal("0.01", body.Children[0]["bias_scale"]);
        Assert.Equal("0.2", spec.Children[5]["momentum"]);
        Assert.Equal(LayerSpecs.Kinds.Keys.Order(), new[] { "activation", "batch-norm", "dense", "dropout", "layer-norm", "prelu", "residual", "serial", "softmax" });
    }

    [Theory]
    [InlineData("conv", "network.0: unknown layer kind 'conv'")]
    [InlineData("dense:units=abc", "network.0 (dense): argument 'units' is 'abc', not a whole number")]
    [InlineData("dense:colour=red", "network.0 (dense): unknown argument 'colour'")]
    [InlineData("dense", "network.0 (dense): argument 'units' is missing")]
    [InlineData("dropout:rate=1.5", "layer dropout(1.5): rate must be in [0, 1)")]
    [InlineData("activation:function=sigmoid,alpha=2", "network.0 (activation): sigmoid takes no argument 'alpha'")]
    [InlineData("layer-norm:epsilon=NaN", "network.0 (layer-norm): argument 'epsilon' is 'NaN', not a finite number")]
    [InlineData("residual:project=maybe", "network.0 (residual): has 0 children, takes 1")]
    public void A_description_that_is_wrong_is_an_error_naming_the_node(string node, string message)
    {
        var parts = node.Split(':');
        var arguments = parts.Length == 1 ? [] : parts[1].Split(',').Select(a => a.Split('=')).Select(a => new LayerArgument(a[0], a[1])).ToArray();
        var spec = LayerSpec.Of("serial").With([new LayerSpec(parts[0], arguments, [])]);
        var built = LayerSpecs.Build(spec).Bind(l => Network.Build(l, 3)).Match(_ => "built", e => e.Message);
        Assert.Contains(message, built);
    }

    [Fact]
    public void A_layer_made_by_hand_cannot_be_described()
    {
        var custom = new Layer("mine", w => Layers.Relu.Plan(w));
        Assert.Equal("layer mine was not made by Pure's layer constructors, so it cannot be described or saved",
            LayerSpecs.Describe(Layers.Serial(Layers.Dense(2), custom)).Match(_ => "", e => e.Message));
        Assert.True(LayerSpecs.Describe(Layers.Residual(custom)).IsFail);
    }
}
