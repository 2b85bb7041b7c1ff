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
/// [out, in], "0.bias" [out]) and everything else as string metadata, so the file opens in any safetensors
/// reader and the network is rebuilt from its architecture rather than from code stored in the file.
/// </summary>
public static class ModelFile
{
    public const string Format = "pure-model";
    public const string FormatVersion = "1";

    static readonly string[] Required =
    [
        "inputs", "hidden", "activation", "dropout", "outputs", "loss", "task", "feature_names", "label_name",
        "class_names", "standardiser_means", "standardiser_stds",
    ];

    /// <summary>The shape a segment is stored with: [rows, cols] for weights, [cols] for one-row vectors (bias, slope).</summary>
    public static int[] ShapeOf(ParamSegment segment) =>
        segment.Kind != ParamKind.Weight && segment.Rows == 1 ? [segment.Cols] : [segment.Rows, segment.Cols];

    /// <summary>Writes <paramref name="model"/> atomically; an inconsistent model is a caller bug (ArgumentException).</summary>
    public static void Save(string path, SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Inconsistency() is { } problem) throw new ArgumentException(problem, nameof(model));
        var layout = model.Network.Layout;
        if (model.Params.Length != layout.Length)
            throw new ArgumentException($"the network has {layout.Length} parameters, the model holds {model.Params.Length}", nameof(model));
        SafeTensors.Write(path, Tensors(model), Metadata(model));
    }

    /// <summary>One tensor per parameter segment, under its layout name.</summary>
    public static IEnumerable<Tensor> Tensors(SavedModel model) =>
        model.Network.Layout.Segments.Select(s => new Tensor(s.Name, ShapeOf(s), model.Params[s].ToArray()));

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
        if (version != FormatVersion)
            throw new CliException($"{path}: model format version '{version}' is not supported (this pure reads version {FormatVersion})", ExitCodes.BadInput);
        if (Required.FirstOrDefault(k => !meta.ContainsKey(k)) is { } absent) throw Corrupt($"metadata '{absent}' is missing");

        int Positive(string key) => int.TryParse(meta[key], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw Corrupt($"metadata '{key}' is '{meta[key]}', not a positive integer");
        string[] Strings(string key) => MetadataJson.ParseStrings(meta[key]) ?? throw Corrupt($"metadata '{key}' is not a JSON array of strings");
        float[] Floats(string key) => MetadataJson.ParseFloats(meta[key]) ?? throw Corrupt($"metadata '{key}' is not a JSON array of finite numbers");

        var inputs = Positive("inputs");
        var outputs = Positive("outputs");
        var hidden = ParseHidden(meta["hidden"]) ?? throw Corrupt($"metadata 'hidden' is '{meta["hidden"]}', not a list of positive widths like 32,32,16");
        var activation = meta["activation"];
        if (Layers.Nonlinearity(activation).IsFail) throw Corrupt($"metadata 'activation': unknown '{activation}'");
        if (!double.TryParse(meta["dropout"], NumberStyles.Float, CultureInfo.InvariantCulture, out var dropout) || dropout is not (>= 0 and < 1))
            throw Corrupt($"metadata 'dropout' is '{meta["dropout"]}', not a rate in [0, 1)");
        var init = meta.GetValueOrDefault("init");
        if (init is not null && !Inits.ByName.ContainsKey(init)) throw Corrupt($"metadata 'init': unknown '{init}'");
        var loss = Loss.Named(meta["loss"]).Match(l => l, e => throw Corrupt($"metadata 'loss': {e.Message}"));
        var task = LearningTasks.Named(meta["task"]) ?? throw Corrupt($"metadata 'task': unknown '{meta["task"]}' ({LearningTasks.Names})");
        var means = Floats("standardiser_means");
        var stds = Floats("standardiser_stds");
        if (means.Length != inputs || stds.Length != inputs)
            throw Corrupt($"{means.Length} standardiser means and {stds.Length} standard deviations for {inputs} inputs");
        if (stds.Any(s => !(s > 0))) throw Corrupt("metadata 'standardiser_stds' holds a standard deviation that is not positive");

        var architecture = new Architecture(hidden, activation, dropout, init);
        // before any network is built: an architecture far bigger than the numbers the file holds (a 2 MB file
        // cannot describe a million layers) is refused at once; near misses get the exact tensor-by-tensor check below
        var held = file.Tensors.Sum(t => (long)t.Data.Length);
        if (ImpliedParameters(inputs, hidden, outputs, activation == "prelu") is not { } implied || implied > 2 * held + 1024)
            throw Corrupt($"the architecture ({inputs} inputs, hidden {Listing.Few(hidden.Select(w => w.ToString(CultureInfo.InvariantCulture)), 8)}, {outputs} outputs) needs far more parameters than the file's {held} numbers");
        var layout = BuildLayout(architecture, inputs, outputs, Corrupt);
        var values = new float[layout.Length];
        foreach (var segment in layout.Segments)
        {
            var expected = ShapeOf(segment);
            var tensor = file.Find(segment.Name) ?? throw Corrupt($"no tensor '{segment.Name}' (the architecture needs one of shape {Tensor.Format(expected)})");
            if (!tensor.Shape.SequenceEqual(expected))
                throw Corrupt($"tensor '{segment.Name}' has shape {Tensor.Format(tensor.Shape)}, the architecture needs {Tensor.Format(expected)}");
            var bad = Array.FindIndex(tensor.Data, v => !float.IsFinite(v));
            if (bad >= 0) throw Corrupt($"tensor '{segment.Name}' holds {tensor.Data[bad]} at index {bad}");
            tensor.Data.CopyTo(values, segment.Offset);
        }
        var extra = file.Tensors.Where(t => layout.Find(t.Name).IsNone && !t.Name.StartsWith(CheckpointPrefix, StringComparison.Ordinal)).Select(t => $"'{t.Name}'").ToArray();
        if (extra.Length > 0) throw Corrupt($"tensor {string.Join(", ", extra)} is not part of the architecture");

        var parameters = Params.From(layout, values).Match(p => p, e => throw Corrupt(e.Message));
        var model = new SavedModel(architecture, inputs, outputs, loss, task, Strings("feature_names"), meta["label_name"],
            Strings("class_names"), Standardiser.Of(means, stds), parameters);
        if (model.Inconsistency() is { } problem) throw Corrupt(problem);
        return model;
    }

    /// <summary>The model's metadata: format, architecture, task, names and standardisation.</summary>
    public static Dictionary<string, string> Metadata(SavedModel m)
    {
        var meta = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion,
            ["inputs"] = m.Inputs.ToString(CultureInfo.InvariantCulture),
            ["hidden"] = string.Join(",", m.Architecture.Hidden.Select(w => w.ToString(CultureInfo.InvariantCulture))),
            ["activation"] = m.Architecture.ActivationName,
            ["dropout"] = m.Architecture.Dropout.ToString("R", CultureInfo.InvariantCulture),
        };
        if (m.Architecture.InitName is { } init) meta["init"] = init;
        meta["outputs"] = m.Outputs.ToString(CultureInfo.InvariantCulture);
        meta["loss"] = m.Loss.Name;
        meta["task"] = m.Task.Name();
        meta["feature_names"] = MetadataJson.Strings(m.FeatureNames);
        meta["label_name"] = m.LabelName;
        meta["class_names"] = MetadataJson.Strings(m.ClassNames);
        meta["standardiser_means"] = MetadataJson.Floats(m.Standardiser.Means);
        meta["standardiser_stds"] = MetadataJson.Floats(m.Standardiser.StdDevs);
        return meta;
    }

    /// <summary>"32,32,16" → [32, 32, 16]; "" → [] (no hidden layer); null when anything is not a positive width.</summary>
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

    static ParamLayout BuildLayout(Architecture architecture, int inputs, int outputs, Func<string, CliException> corrupt)
    {
        try
        {
            return Network.Build(architecture.Build(outputs), inputs).Match(n => n.Layout, e => throw corrupt($"the architecture does not build: {e.Message}"));
        }
        catch (CliException e) when (!e.Message.Contains("corrupt model file", StringComparison.Ordinal))
        {
            throw corrupt($"the architecture does not build: {e.Message}");
        }
    }
}
