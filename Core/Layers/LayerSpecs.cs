using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Init;
using ActivationFn = Pure.Core.Activations.Activation;

namespace Pure.Core.Layers;

/// <summary>
/// Describing a layer as a <see cref="LayerSpec"/> and building it back, defined once for every kind the
/// constructors in <see cref="Layers"/> make. A description that names an unknown kind, an unknown or missing
/// argument, or a value out of range is an error value naming where in the tree it is.
/// </summary>
public static class LayerSpecs
{
    /// <summary>The description a layer carries, or an error naming a layer made outside <see cref="Layers"/> (which cannot be saved).</summary>
    public static Fin<LayerSpec> Describe(Layer layer) =>
        layer.Spec is { } spec ? spec
        : layer.Parts.FirstOrDefault(p => p.Spec is null) is { } part ? Describe(part)
        : Error.New($"layer {layer.Name} was not made by Pure's layer constructors, so it cannot be described or saved");

    /// <summary>The layer <paramref name="spec"/> describes, or an error naming the node (e.g. <c>network.1.body</c>) and what is wrong.</summary>
    public static Fin<Layer> Build(LayerSpec spec) => Build(spec, "network");

    /// <summary>Every kind and the arguments it takes (the required ones first).</summary>
    public static IReadOnlyDictionary<string, string[]> Kinds { get; } = new Dictionary<string, string[]>
    {
        ["dense"] = ["units", "bias", "weights", "weights_scale", "bias_init", "bias_scale"],
        ["activation"] = ["function", "alpha"],
        ["prelu"] = ["slope"],
        ["dropout"] = ["rate"],
        ["softmax"] = ["temperature"],
        ["layer-norm"] = ["epsilon"],
        ["batch-norm"] = ["epsilon", "momentum"],
        ["residual"] = ["project"],
        ["serial"] = [],
    };

    static Fin<Layer> Build(LayerSpec spec, string at)
    {
        if (!Kinds.TryGetValue(spec.Kind, out var allowed))
            return Error.New($"{at}: unknown layer kind '{spec.Kind}' (one of {string.Join(", ", Kinds.Keys)})");
        if (spec.Arguments.FirstOrDefault(a => !allowed.Contains(a.Name)) is { } extra)
            return Error.New($"{at} ({spec.Kind}): unknown argument '{extra.Name}' (it takes {(allowed.Length == 0 ? "none" : string.Join(", ", allowed))})");
        if (spec.Arguments.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Error.New($"{at} ({spec.Kind}): argument '{twice.Key}' is given twice");
        var expectedChildren = spec.Kind switch { "residual" => 1, "serial" => -1, _ => 0 };
        if (expectedChildren >= 0 && spec.Children.Count != expectedChildren)
            return Error.New($"{at} ({spec.Kind}): has {spec.Children.Count} children, takes {expectedChildren}");
        try
        {
            var a = new Reader(spec, at);
            return spec.Kind switch
            {
                "dense" => Layers.Dense(a.Int("units"), Initialiser(a, "weights"), Initialiser(a, "bias_init"), a.Bool("bias")),
                "activation" => Function(a),
                "prelu" => Layers.PRelu(a.Double("slope")),
                "dropout" => Layers.Dropout(a.Double("rate")),
                "softmax" => Layers.Softmax(a.Double("temperature")),
                "layer-norm" => Layers.LayerNorm(a.Double("epsilon")),
                "batch-norm" => Layers.BatchNorm(a.Double("epsilon"), a.Double("momentum")),
                "residual" => Build(spec.Children[0], $"{at}.body").Map(body => Layers.Residual(body, a.Bool("project"))),
                _ => Children(spec, at).Map(Layers.Serial),
            };
        }
        catch (FormatException e)
        {
            return Error.New(e.Message);
        }
    }

    static Fin<Layer[]> Children(LayerSpec spec, string at)
    {
        var built = new Layer[spec.Children.Count];
        for (var i = 0; i < built.Length; i++)
        {
            var child = Build(spec.Children[i], $"{at}.{i}");
            if (child.IsFail) return (Error)child;
            built[i] = (Layer)child;
        }
        return built;
    }

    static Fin<Layer> Function(Reader a)
    {
        var f = ActivationFn.Named(a.Text("function"));
        if (f.IsFail) return Error.New($"{a.At} (activation): {((Error)f).Message}");
        var fn = (ActivationFn)f;
        if (a.Has("alpha") != fn.HasAlpha)
            return Error.New($"{a.At} (activation): {fn.Id} {(fn.HasAlpha ? "needs" : "takes no")} argument 'alpha'");
        return Layers.Activation(fn.HasAlpha ? fn.WithAlpha(a.Double("alpha")) : fn);
    }

    /// <summary>An initialiser from its kind's id and scale; absent for a dense layer's bias when it has none.</summary>
    static Initialiser? Initialiser(Reader a, string name)
    {
        if (!a.Has(name)) return null;
        var id = a.Text(name);
        var kind = InitKind.All.FirstOrDefault(k => k.Id == id) ?? throw a.Bad(name, $"'{id}' is not an initialiser ({string.Join(", ", InitKind.All.Select(k => k.Id))})");
        return Inits.Of(kind, a.Double(name == "weights" ? "weights_scale" : "bias_scale"));
    }

    /// <summary>Typed reads of a node's arguments; a missing or malformed one throws <see cref="FormatException"/> with the node's path.</summary>
    sealed class Reader(LayerSpec spec, string at)
    {
        public string At => at;

        public bool Has(string name) => spec[name] is not null;

        public FormatException Bad(string name, string why) => new($"{at} ({spec.Kind}): argument '{name}' {why}");

        public string Text(string name) => spec[name] ?? throw new FormatException($"{at} ({spec.Kind}): argument '{name}' is missing");

        public double Double(string name) =>
            double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw Bad(name, $"is '{Text(name)}', not a finite number");

        public int Int(string name) =>
            int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(name, $"is '{Text(name)}', not a whole number");

        public bool Bool(string name) => Text(name) switch
        {
            "true" => true,
            "false" => false,
            var other => throw Bad(name, $"is '{other}', not true or false"),
        };
    }
}
