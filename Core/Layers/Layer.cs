using LanguageExt;

namespace Pure.Core.Layers;

/// <summary>
/// A layer as a value (JAX stax's idea): a name and a function from the input width to a plan, or an error
/// value naming the layer. Layers compose with <see cref="Then"/> (or <c>&gt;&gt;</c> in C#) into a layer again.
/// </summary>
public sealed record Layer(string Name, Func<int, Fin<LayerPlan>> Plan)
{
    /// <summary>The layers a Serial composition is made of (empty for any other layer); Serial flattens them.</summary>
    public IReadOnlyList<Layer> Parts { get; init; } = [];

    /// <summary>The layer as data (kind, arguments, children), for saving and summaries; null for a layer made by hand from a plan function.</summary>
    public LayerSpec? Spec { get; init; }

    /// <summary>This layer, then <paramref name="next"/> (Serial composition).</summary>
    public Layer Then(Layer next) => Layers.Serial(this, next);

    /// <summary>C# sugar for <see cref="Then"/>: <c>Dense(4) &gt;&gt; Relu</c>.</summary>
    public static Layer operator >>(Layer first, Layer next) => first.Then(next);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
