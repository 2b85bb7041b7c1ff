using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Layers;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>A layer planned for an input width: the architecture, its parameter layout, and how to initialise it.</summary>
public sealed class Network
{
    Network(Layer layer, LayerPlan plan)
    {
        Layer = layer;
        Plan = plan;
        Layout = new ParamLayout(plan.Params);
        StateLayout = new StateLayout(plan.State);
    }

    /// <summary>The layer as composed, before planning.</summary>
    public Layer Layer { get; }
    /// <summary>The layer planned for <see cref="InputWidth"/>.</summary>
    public LayerPlan Plan { get; }
    /// <summary>Where each parameter lies in the flat parameter vector.</summary>
    public ParamLayout Layout { get; }

    /// <summary>The layout of what the network keeps besides its parameters (running statistics); empty for most networks.</summary>
    public StateLayout StateLayout { get; }

    /// <summary>The state a fresh network starts with.</summary>
    public LayerState InitialState() => LayerState.Initial(StateLayout);
    /// <summary>The number of features the network takes.</summary>
    public int InputWidth => Plan.InputWidth;
    /// <summary>The number of values it outputs per row.</summary>
    public int OutputWidth => Plan.OutputWidth;

    /// <summary>Plans <paramref name="layer"/> for <paramref name="inputWidth"/> features, or an error naming the layer.</summary>
    public static Fin<Network> Build(Layer layer, int inputWidth) =>
        inputWidth < 1
            ? Error.New($"input width must be positive, got {inputWidth}")
            : layer.Plan(inputWidth).Bind(plan =>
                plan.Params.Sum(p => (long)p.Rows * p.Cols) is var count && count > Array.MaxLength
                    ? (Fin<Network>)Error.New($"{plan.Name} has {count} parameters; at most {Array.MaxLength} fit in one array")
                    : new Network(layer, plan));

    /// <summary>Fresh parameters: segment i is filled from <c>rng.Fold(i)</c> by its initialiser.</summary>
    public Params Init(Rng rng)
    {
        var values = new float[Layout.Length];
        var specs = Plan.Params;
        for (var i = 0; i < specs.Count; i++)
        {
            var s = specs[i];
            s.Init.Fill(rng.Fold((ulong)i), s.FanIn, s.FanOut, values.AsSpan(Layout.Segments[i].Offset, s.Length));
        }
        return Params.Own(Layout, values);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Plan.Name}: {InputWidth}→{OutputWidth}, {Layout.Length} parameters";
}
