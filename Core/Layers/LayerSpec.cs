using System.Globalization;

namespace Pure.Core.Layers;

/// <summary>One argument of a layer's description, as invariant text (numbers round-trip: "R" format).</summary>
public sealed record LayerArgument(string Name, string Value);

/// <summary>
/// A layer as data: its kind, its arguments and its children (a residual block's body, a serial's parts). Every
/// constructor in <see cref="Layers"/> attaches one, so any network composed from them can be described, saved
/// and rebuilt (<see cref="LayerSpecs.Build(LayerSpec)"/>); equality is structural.
/// </summary>
public sealed record LayerSpec(string Kind, IReadOnlyList<LayerArgument> Arguments, IReadOnlyList<LayerSpec> Children)
{
    /// <summary>A spec of <paramref name="kind"/> with the given arguments and no children.</summary>
    public static LayerSpec Of(string kind, params (string Name, string Value)[] arguments) =>
        new(kind, arguments.Select(a => new LayerArgument(a.Name, a.Value)).ToArray(), []);

    /// <summary>The same spec with <paramref name="children"/> as its children.</summary>
    public LayerSpec With(IEnumerable<LayerSpec> children) => this with { Children = children.ToArray() };

    /// <summary>The value of argument <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Arguments.FirstOrDefault(a => a.Name == name)?.Value;

    /// <summary>A double as invariant round-trip text ("R" format).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer as invariant text.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Structural equality: the same kind, and equal arguments and children in order.</summary>
    public bool Equals(LayerSpec? other) =>
        other is not null && Kind == other.Kind && Arguments.SequenceEqual(other.Arguments) && Children.SequenceEqual(other.Children);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Arguments.Count, Children.Count);
}
