using System.Globalization;
using Pure.Core.Data;
using Pure.Core.Init;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Training;
using Pure.Shell.Cli;
using Pure.Shell.Recipes;

namespace Pure.Shell.Models;

/// <summary>
/// A trained model as a safetensors file: one tensor per parameter segment under its layout name ("0.weight"
/// [out, in], "0.bias" [out]) and per state segment ("1.running_mean" [n]), and everything else as string
/// metadata, so the file opens in any safetensors reader and the network is rebuilt from its description
/// rather than from code stored in the file. Format 2 describes the layer tree (<c>network</c>, see
/// <see cref="LayerSpecJson"/>); format 1, the command line's plain MLP (<c>hidden</c>, <c>activation</c>,
/// <c>dropout</c>, <c>init</c>), still loads.
/// </summary>
public static class ModelFile
{
    public const string Format = "pure-model";
    public const string FormatVersion = "2";

    static readonly string[] Common =
    [
        "inputs", "outputs", "loss", "task", "feature_names", "label_name", "class_names", "standardiser_means", "standardiser_stds",
    ];

    static readonly string[] Version1 = ["hidden", "activation", "dropout"];

    /// <summary>The shape a segment is stored with: [rows, cols] for weights, [cols] for one-row vectors (bias, slope, scale).</summary>
    public static int[] ShapeOf(ParamSegment segment) =>
        segment.Kind != ParamKind.Weight && segment.Rows == 1 ? [segment.Cols] : [segment.Rows, segment.Cols];

    /// <summary>Writes <paramref name="model"/> atomically; an inconsistent model, or a layer made outside the core's constructors, is a caller bug (ArgumentException).</summary>
    public static void Save(string path, SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Inconsistency() is { } problem) throw new ArgumentException(problem, nameof(model));
        var network = Network.Build(model.Layer, model.Inputs).Match(n => n, e => throw new ArgumentException(e.Message, nameof(model)));
        if (network.OutputWidth != model.Outputs)
            throw new ArgumentException($"the network gives {network.OutputWidth} outputs, the model says {model.Outputs}", nameof(model));
        if (model.Params.Length != network.Layout.Length)
            throw new ArgumentException($"the network has {network.Layout.Length} parameters, the model holds {model.Params.Length}", nameof(model));
        if (model.State is { } state && state.Length != network.StateLayout.Length)
            throw new ArgumentException($"the network keeps {network.StateLayout.Length} state values, the model holds {state.Length}", nameof(model));
        SafeTensors.Write(path, Tensors(model, network), Metadata(model));
    }

    /// <summary>One tensor per parameter segment and per state segment, under their layout names.</summary>
    public static IEnumerable<Tensor> Tensors(SavedModel model) => Tensors(model, model.Network);

    static IEnumerable<Tensor> Tensors(SavedModel model, Network network)
    {
        var state = model.State ?? network.InitialState();
        return network.Layout.Segments.Select(s => new Tensor(s.Name, ShapeOf(s), model.Params[s].ToArray()))
            .Concat(network.StateLayout.Segments.Select(s => new Tensor(s.Name, [s.Length], state[s].ToArray())));
    }

    /// <summary>Tensors under this prefix belong to a checkpoint's training state, not to the model; a model reader skips them.</summary>
    public const string CheckpointPrefix = "checkpoint.";

    /// <summary>Reads a model and checks it completely: metadata, architecture, every tensor's presence and shape.</summary>
    public static SavedModel Load(string path) => Load(SafeTensors.Read(path), path);

    /// <summary>The model in an already-read file (a checkpoint is a model plus <see cref="CheckpointPrefix"/> tensors).</summary>
    public static SavedModel Load(SafeTensorsFile file, string path)
    {
        var meta = file.Metadata;
        CliException Corrupt(string what) => new($"{path}: corrupt model file: {what}", ExitCodes.BadInput);

        if (!meta.TryGetValue("format", out var format))
            throw new CliException($"{path}: not a pure model file (its metadata has no 'format'; expected '{Format}')", ExitCodes.BadInput);
        if (format != Format)
            throw new CliException($"{path}: not a pure model file (metadata format is '{format}', expected '{Format}')", ExitCodes.BadInput);
        if (!meta.TryGetValue("format_version", out var version)) throw Corrupt("metadata 'format_version' is missing");
        if (version is not ("1" or "2"))
            throw new CliException($"{path}: model format version '{version}' is not supported (this pure reads versions 1 and 2)", ExitCodes.BadInput);
        if (Common.Concat(version == "1" ? Version1 : ["network"]).FirstOrDefault(k => !meta.ContainsKey(k)) is { } absent) throw Corrupt($"metadata '{absent}' is missing");

        int Positive(string key) => int.TryParse(meta[key], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw Corrupt($"metadata '{key}' is '{meta[key]}', not a positive integer");
        string[] Strings(string key) => MetadataJson.ParseStrings(meta[key]) ?? throw Corrupt($"metadata '{key}' is not a JSON array of strings");
        float[] Floats(string key) => MetadataJson.ParseFloats(meta[key]) ?? throw Corrupt($"metadata '{key}' is not a JSON array of finite numbers");

        var inputs = Positive("inputs");
        var outputs = Positive("outputs");
        var layer = version == "1" ? Version1Layer(meta, inputs, outputs, file, Corrupt) : Version2Layer(meta["network"], Corrupt);
        var loss = Loss.Named(meta["loss"]).Match(l => l, e => throw Corrupt($"metadata 'loss': {e.Message}"));
        var task = LearningTasks.Named(meta["task"]) ?? throw Corrupt($"metadata 'task': unknown '{meta["task"]}' ({LearningTasks.Names})");
        var means = Floats("standardiser_means");
        var stds = Floats("standardiser_stds");
        if (means.Length != inputs || stds.Length != inputs)
            throw Corrupt($"{means.Length} standardiser means and {stds.Length} standard deviations for {inputs} inputs");
        if (stds.Any(s => !(s > 0))) throw Corrupt("metadata 'standardiser_stds' holds a standard deviation that is not positive");

        var network = BuildNetwork(layer, inputs, Corrupt);
        if (network.OutputWidth != outputs) throw Corrupt($"the network gives {network.OutputWidth} outputs, metadata 'outputs' says {outputs}");
        // before the vectors are allocated: a network far bigger than the numbers the file holds (a 2 MB file
        // cannot describe a billion weights) is refused at once; near misses get the exact tensor-by-tensor check below
        var held = file.Tensors.Sum(t => (long)t.Data.Length);
        var needed = (long)network.Layout.Length + network.StateLayout.Length;
        if (needed > 2 * held + 1024) throw Corrupt($"the network ({network.Plan.Name}) needs {needed} numbers, far more than the file's {held}");
        var values = new float[network.Layout.Length];
        foreach (var segment in network.Layout.Segments) Read(file, segment.Name, ShapeOf(segment), float.NegativeInfinity, Corrupt).CopyTo(values, segment.Offset);
        var stateValues = new float[network.StateLayout.Length];
        foreach (var segment in network.StateLayout.Segments) Read(file, segment.Name, [segment.Length], segment.Minimum, Corrupt).CopyTo(stateValues, segment.Offset);
        var extra = file.Tensors.Where(t => network.Layout.Find(t.Name).IsNone && network.StateLayout.Find(t.Name).IsNone && !t.Name.StartsWith(CheckpointPrefix, StringComparison.Ordinal))
            .Select(t => $"'{t.Name}'").ToArray();
        if (extra.Length > 0) throw Corrupt($"tensor {string.Join(", ", extra)} is not part of the architecture");

        var parameters = Params.From(network.Layout, values).Match(p => p, e => throw Corrupt(e.Message));
        var state = LayerState.From(network.StateLayout, stateValues).Match(v => v, e => throw Corrupt(e.Message));
        var model = new SavedModel(layer, inputs, outputs, loss, task, Strings("feature_names"), meta["label_name"],
            Strings("class_names"), Standardiser.Of(means, stds), parameters) { State = state };
        if (model.Inconsistency() is { } problem) throw Corrupt(problem);
        return model;
    }

    /// <summary>A tensor the network needs, of its shape, every value finite and at least <paramref name="minimum"/>.</summary>
    static float[] Read(SafeTensorsFile file, string name, int[] expected, float minimum, Func<string, CliException> corrupt)
    {
        var tensor = file.Find(name) ?? throw corrupt($"no tensor '{name}' (the architecture needs one of shape {Tensor.Format(expected)})");
        if (!tensor.Shape.SequenceEqual(expected))
            throw corrupt($"tensor '{name}' has shape {Tensor.Format(tensor.Shape)}, the architecture needs {Tensor.Format(expected)}");
        var bad = Array.FindIndex(tensor.Data, v => !float.IsFinite(v) || v < minimum);
        if (bad >= 0) throw corrupt($"tensor '{name}' holds {tensor.Data[bad]} at index {bad}" + (float.IsFinite(tensor.Data[bad]) ? $" (at least {minimum} expected)" : ""));
        return tensor.Data;
    }

    static Layer Version2Layer(string json, Func<string, CliException> corrupt)
    {
        var spec = LayerSpecJson.Read(json, out var error) ?? throw corrupt($"metadata 'network' is not a layer tree: {error}");
        return LayerSpecs.Build(spec).Match(l => l, e => throw corrupt($"metadata 'network': {e.Message}"));
    }

    /// <summary>Format 1: the command line's MLP, from its four settings.</summary>
    static Layer Version1Layer(IReadOnlyDictionary<string, string> meta, int inputs, int outputs, SafeTensorsFile file, Func<string, CliException> corrupt)
    {
        var hidden = ParseHidden(meta["hidden"]) ?? throw corrupt($"metadata 'hidden' is '{meta["hidden"]}', not a list of positive widths like 32,32,16");
        var activation = meta["activation"];
        if (Layers.Nonlinearity(activation).IsFail) throw corrupt($"metadata 'activation': unknown '{activation}'");
        if (!double.TryParse(meta["dropout"], NumberStyles.Float, CultureInfo.InvariantCulture, out var dropout) || dropout is not (>= 0 and < 1))
            throw corrupt($"metadata 'dropout' is '{meta["dropout"]}', not a rate in [0, 1)");
        var init = meta.GetValueOrDefault("init");
        if (init is not null && !Inits.ByName.ContainsKey(init)) throw corrupt($"metadata 'init': unknown '{init}'");
        // a million hidden layers would take long to plan: refused against the file's size first
        var held = file.Tensors.Sum(t => (long)t.Data.Length);
        if (ImpliedParameters(inputs, hidden, outputs, activation == "prelu") is not { } implied || implied > 2 * held + 1024)
            throw corrupt($"the architecture ({inputs} inputs, hidden {Listing.Few(hidden.Select(w => w.ToString(CultureInfo.InvariantCulture)), 8)}, {outputs} outputs) needs far more parameters than the file's {held} numbers");
        try
        {
            return new Architecture(hidden, activation, dropout, init).Build(outputs);
        }
        catch (CliException e)
        {
            throw corrupt($"the architecture does not build: {e.Message}");
        }
    }

    /// <summary>The model's metadata: format, the network's description, task, names and standardisation.</summary>
    public static Dictionary<string, string> Metadata(SavedModel m) => new()
    {
        ["format"] = Format,
        ["format_version"] = FormatVersion,
        ["inputs"] = m.Inputs.ToString(CultureInfo.InvariantCulture),
        ["network"] = LayerSpecJson.Write(LayerSpecs.Describe(m.Layer).Match(s => s, e => throw new ArgumentException(e.Message, nameof(m)))),
        ["outputs"] = m.Outputs.ToString(CultureInfo.InvariantCulture),
        ["loss"] = m.Loss.Name,
        ["task"] = m.Task.Name(),
        ["feature_names"] = MetadataJson.Strings(m.FeatureNames),
        ["label_name"] = m.LabelName,
        ["class_names"] = MetadataJson.Strings(m.ClassNames),
        ["standardiser_means"] = MetadataJson.Floats(m.Standardiser.Means),
        ["standardiser_stds"] = MetadataJson.Floats(m.Standardiser.StdDevs),
    };

    /// <summary>Weights, biases and PReLU slopes of the command-line architecture, or null past a long's range.</summary>
    static long? ImpliedParameters(int inputs, int[] hidden, int outputs, bool prelu)
    {
        try
        {
            long total = 0, width = inputs;
            foreach (var w in hidden)
            {
                total = checked(total + (width + 1) * w + (prelu ? w : 0));
                width = w;
            }
            return checked(total + (width + 1) * outputs);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>"32,32,16" → [32, 32, 16]; "" → [] (no hidden layer); null when anything is not a positive width.</summary>
    static int[]? ParseHidden(string text)
    {
        if (text.Length == 0) return [];
        var widths = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var w) || w < 1) return null;
            widths.Add(w);
        }
        return widths.ToArray();
    }

    static Network BuildNetwork(Layer layer, int inputs, Func<string, CliException> corrupt)
    {
        try
        {
            return Network.Build(layer, inputs).Match(n => n, e => throw corrupt($"the network does not build: {e.Message}"));
        }
        catch (CliException e) when (!e.Message.Contains("corrupt model file", StringComparison.Ordinal))
        {
            throw corrupt($"the network does not build: {e.Message}");
        }
    }
}
