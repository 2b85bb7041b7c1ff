using Pure.Core.Data;
using Pure.Core.Losses;
using Pure.Core.Tensors;
using Pure.Properties.Support;
using Pure.Shell.Cli;
using Pure.Shell.Commands;
using Pure.Shell.Recipes;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>Saved models: a bit-exact round trip, the layout as tensors, and every check on loading.</summary>
public class ModelFileTests
{
    static readonly string[] ActivationNames = ["relu", "tanh", "gelu", "prelu", "sigmoid", "identity"];
    static readonly string?[] InitNames = [null, "he-uniform", "lecun", "small"];

    static int Bits(float v) => BitConverter.SingleToInt32Bits(v);

    /// <summary>
    /// An untrained model of random shape and task, with random (but valid) standardiser statistics: half the
    /// command line's MLP, half a generated tree (residual blocks, norms with moved running statistics, dropout,
    /// PReLU, softmax) with its output layer.
    /// </summary>
    static SavedModel RandomModel(Rng rng)
    {
        var hidden = Enumerable.Range(0, rng.Below(1, 4)).Select(i => 1 + rng.Below((ulong)i + 10, 8)).ToArray();
        var architecture = new Architecture(hidden, ActivationNames[rng.Below(2, ActivationNames.Length)],
            rng.Below(3, 2) == 0 ? 0 : 0.25, InitNames[rng.Below(4, InitNames.Length)]);
        var tree = rng.Below(9, 2) == 0 ? RandomNetworks.Deep(rng.Fold(10)) : ((Layer, int, string)?)null;
        var inputs = tree?.Item2 ?? 1 + rng.Below(0, 5);
        var (task, loss, classes) = rng.Below(5, 3) switch
        {
            0 => (LearningTask.Regression, Loss.Mse, Array.Empty<string>()),
            1 => (LearningTask.Classification, Loss.BceWithLogits, ["no", "yes, \"really\""]),
            _ => (LearningTask.Classification, Loss.SoftmaxCrossEntropy, ["ä", "b", "c", "7"]),
        };
        var outputs = classes.Length == 0 ? 1 : classes.Length == 2 ? 1 : classes.Length;
        var layer = tree is { } t ? Layers.Serial(t.Item1, Layers.Dense(outputs)) : architecture.Build(outputs);
        var network = Core.Training.Network.Build(layer, inputs).ThrowIfFail();
        var state = network.InitialState().ToArray().Select((v, i) => v + 0.5f + (i % 7) / 3f).ToArray();
        var means = new float[inputs];
        var stds = new float[inputs];
        rng.Fold(6).FillNormal(0f, 100f, means);
        rng.Fold(7).FillNormal(0f, 2f, stds);
        var standardiser = Standardiser.Of(means, stds.Select(MathF.Exp).ToArray());
        return new SavedModel(layer, inputs, outputs, loss, task, Enumerable.Range(1, inputs).Select(i => $"x{i},ü").ToArray(),
            "target", classes, standardiser, network.Init(rng.Fold(8))) { State = LayerState.From(network.StateLayout, state).ThrowIfFail() };
    }

    [SeededProperty]
    public void Save_then_load_gives_the_same_model_bit_for_bit(Seed seed)
    {
        var model = RandomModel(seed.Rng);
        var path = Path.Combine(TestFiles.TempFolder(), "m.safetensors");
        ModelFile.Save(path, model);
        var back = ModelFile.Load(path);

        Assert.Equal(model.Params.ToArray().Select(Bits), back.Params.ToArray().Select(Bits));
        Assert.Equal(model.State!.ToArray().Select(Bits), back.State!.ToArray().Select(Bits));
        Assert.Equal(LayerSpecs.Describe(model.Layer).ThrowIfFail(), LayerSpecs.Describe(back.Layer).ThrowIfFail());
        Assert.Equal(model.Layer.Name, back.Layer.Name);
        Assert.Equal((model.Inputs, model.Outputs, model.Loss, model.Task, model.LabelName), (back.Inputs, back.Outputs, back.Loss, back.Task, back.LabelName));
        Assert.Equal(model.FeatureNames, back.FeatureNames);
        Assert.Equal(model.ClassNames, back.ClassNames);
        Assert.Equal(model.Standardiser.Means.Select(Bits), back.Standardiser.Means.Select(Bits));
        Assert.Equal(model.Standardiser.StdDevs.Select(Bits), back.Standardiser.StdDevs.Select(Bits));
        Assert.Equal(model.Network.Layout.Segments, back.Network.Layout.Segments);
        // the reloaded model predicts byte for byte what the saved one did
        var x = Matrix.Create(5, model.Inputs, seed.Rng.Fold(20), static (dst, r) => r.FillNormal(0f, 1f, dst));
        Assert.Equal(model.ToModel().Predict(x).ThrowIfFail().ToArray().Select(Bits), back.ToModel().Predict(x).ThrowIfFail().ToArray().Select(Bits));
    }

    /// <summary>2 inputs → Dense(4) → PReLU → Dense(1): weights, biases and slopes, two classes.</summary>
    static SavedModel Small() =>
        new(new Architecture([4], "prelu").Build(1), 2, 1, Loss.BceWithLogits, LearningTask.Classification, ["x1", "x2"], "label", ["no", "yes"],
            Standardiser.Of([1f, -2f], [0.5f, 3f]),
            Core.Training.Network.Build(new Architecture([4], "prelu").Build(1), 2).ThrowIfFail().Init(Rng.FromSeed(3)));

    [Fact]
    public void The_file_holds_one_tensor_per_layout_segment_and_string_metadata()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "m.safetensors");
        ModelFile.Save(path, Small());
        var file = ReferenceSafeTensors.Read(File.ReadAllBytes(path));
        Assert.Equal(["0.weight", "0.bias", "1.slope", "2.weight", "2.bias"], file.Tensors.Keys);
        Assert.Equal([4, 2], file.Tensors["0.weight"].Shape);
        Assert.Equal([4], file.Tensors["0.bias"].Shape);
        Assert.Equal([4], file.Tensors["1.slope"].Shape);
        Assert.Equal([1, 4], file.Tensors["2.weight"].Shape);
        Assert.Equal([1], file.Tensors["2.bias"].Shape);
        Assert.All(file.Tensors["1.slope"].Data, s => Assert.Equal(0.25f, s));
        var expected = new Dictionary<string, string>
        {
            ["format"] = "pure-model", ["format_version"] = "2", ["inputs"] = "2",
            ["network"] = "{\"kind\":\"serial\",\"children\":[" +
                "{\"kind\":\"dense\",\"units\":\"4\",\"bias\":\"true\",\"weights\":\"he-normal\",\"weights_scale\":\"1\",\"bias_init\":\"constant\",\"bias_scale\":\"0\"}," +
                "{\"kind\":\"prelu\",\"slope\":\"0.25\"}," +
                "{\"kind\":\"dense\",\"units\":\"1\",\"bias\":\"true\",\"weights\":\"xavier-uniform\",\"weights_scale\":\"1\",\"bias_init\":\"constant\",\"bias_scale\":\"0\"}]}",
            ["outputs"] = "1", ["loss"] = "bce-with-logits", ["task"] = "classification",
            ["feature_names"] = "[\"x1\",\"x2\"]", ["label_name"] = "label", ["class_names"] = "[\"no\",\"yes\"]",
            ["standardiser_means"] = "[1,-2]", ["standardiser_stds"] = "[0.5,3]",
        };
        Assert.Equal(expected, file.Metadata);
    }

    /// <summary>The small model's file with one thing changed, still a valid safetensors file.</summary>
    static string Edited(string kind)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "edited.safetensors");
        ModelFile.Save(path, Small());
        var file = SafeTensors.Read(path);
        var tensors = file.Tensors.ToList();
        var meta = file.Metadata.ToDictionary();
        void Replace(Tensor t) => tensors[tensors.FindIndex(x => x.Name == t.Name)] = t;
        if (kind.StartsWith("v1 ", StringComparison.Ordinal)) meta = Version1(meta);
        switch (kind)
        {
            case "wrong shape": Replace(new Tensor("0.weight", [3, 2], new float[6])); break;
            case "transposed": Replace(new Tensor("0.weight", [2, 4], new float[8])); break;
            case "missing tensor": tensors.RemoveAll(t => t.Name == "0.bias"); break;
            case "extra tensor": tensors.Add(new Tensor("9.weight", [1], [1])); break;
            case "nan weight": Replace(new Tensor("2.weight", [1, 4], [0, 1, float.NaN, 2])); break;
            case "version": meta["format_version"] = "3"; break;
            case "format": meta["format"] = "other"; break;
            case "no format": meta.Remove("format"); break;
            case "missing metadata": meta.Remove("standardiser_means"); break;
            case "inputs": meta["inputs"] = "two"; break;
            case "more inputs": meta["inputs"] = "3"; break;
            case "v1 hidden": meta["hidden"] = "4,x"; break;
            case "v1 activation": meta["activation"] = "relu6"; break;
            case "v1 dropout": meta["dropout"] = "1.5"; break;
            case "v1 init": meta["init"] = "magic"; break;
            case "v1 missing": meta.Remove("hidden"); break;
            case "network json": meta["network"] = "{\"kind\":\"serial\",\"children\":["; break;
            case "network kind": meta["network"] = meta["network"].Replace("\"prelu\"", "\"maxout\""); break;
            case "network argument": meta["network"] = meta["network"].Replace("\"slope\"", "\"slant\""); break;
            case "network value": meta["network"] = meta["network"].Replace("\"units\":\"4\"", "\"units\":\"four\""); break;
            case "network number": meta["network"] = meta["network"].Replace("\"units\":\"4\"", "\"units\":4"); break;
            case "network outputs": meta["network"] = meta["network"].Replace("\"units\":\"1\"", "\"units\":\"2\""); break;
            case "network huge": meta["network"] = meta["network"].Replace("\"units\":\"4\"", "\"units\":\"100000000\""); break;
            case "network deep": meta["network"] = string.Concat(Enumerable.Repeat("{\"kind\":\"residual\",\"project\":\"false\",\"children\":[", 100)) + "{\"kind\":\"serial\"}" + string.Concat(Enumerable.Repeat("]}", 100)); break;
            case "no network": meta.Remove("network"); break;
            case "network wide": meta["network"] = "{\"kind\":\"serial\",\"children\":[" + string.Join(",", Enumerable.Repeat("{\"kind\":\"activation\",\"function\":\"relu\"}", 20_000)) + "]}"; break;
            case "loss": meta["loss"] = "hinge"; break;
            case "task vs loss": meta["task"] = "regression"; break;
            case "classes": meta["class_names"] = "[\"a\",\"b\",\"c\"]"; break;
            case "feature json": meta["feature_names"] = "[\"x1\","; break;
            case "feature count": meta["feature_names"] = "[\"x1\"]"; break;
            case "std zero": meta["standardiser_stds"] = "[0,1]"; break;
            case "std text": meta["standardiser_stds"] = "[\"a\",1]"; break;
            default: throw new ArgumentException(kind);
        }
        SafeTensors.Write(path, tensors, meta);
        return path;
    }

    [Theory]
    [InlineData("wrong shape", "corrupt model file: tensor '0.weight' has shape [3, 2], the architecture needs [4, 2]")]
    [InlineData("transposed", "tensor '0.weight' has shape [2, 4], the architecture needs [4, 2]")]
    [InlineData("missing tensor", "no tensor '0.bias' (the architecture needs one of shape [4])")]
    [InlineData("extra tensor", "tensor '9.weight' is not part of the architecture")]
    [InlineData("nan weight", "tensor '2.weight' holds NaN at index 2")]
    [InlineData("version", "model format version '3' is not supported (this pure reads versions 1 and 2)")]
    [InlineData("format", "not a pure model file (metadata format is 'other', expected 'pure-model')")]
    [InlineData("no format", "not a pure model file")]
    [InlineData("missing metadata", "corrupt model file: metadata 'standardiser_means' is missing")]
    [InlineData("inputs", "metadata 'inputs' is 'two', not a positive integer")]
    [InlineData("more inputs", "2 standardiser means and 2 standard deviations for 3 inputs")]
    [InlineData("v1 hidden", "metadata 'hidden' is '4,x'")]
    [InlineData("v1 activation", "metadata 'activation': unknown 'relu6'")]
    [InlineData("v1 dropout", "metadata 'dropout' is '1.5', not a rate in [0, 1)")]
    [InlineData("v1 init", "metadata 'init': unknown 'magic'")]
    [InlineData("v1 missing", "corrupt model file: metadata 'hidden' is missing")]
    [InlineData("network json", "metadata 'network' is not a layer tree")]
    [InlineData("network kind", "metadata 'network': network.1: unknown layer kind 'maxout'")]
    [InlineData("network argument", "metadata 'network': network.1 (prelu): unknown argument 'slant' (it takes slope)")]
    [InlineData("network value", "metadata 'network': network.0 (dense): argument 'units' is 'four', not a whole number")]
    [InlineData("network number", "metadata 'network' is not a layer tree: network.0 (dense): argument \"units\" is not a string")]
    [InlineData("network outputs", "the network gives 2 outputs, metadata 'outputs' says 1")]
    [InlineData("network huge", "the network (dense(100000000) → prelu → dense(1)) needs 500000001 numbers, far more than the file's 21")]
    [InlineData("network wide", "metadata 'network' is not a layer tree: more than 10000 layers")]
    [InlineData("network deep", "metadata 'network' is not a layer tree: The maximum configured depth of 64 has been exceeded")]
    [InlineData("no network", "corrupt model file: metadata 'network' is missing")]
    [InlineData("loss", "metadata 'loss': unknown loss 'hinge'")]
    [InlineData("task vs loss", "task 'regression' does not go with loss bce-with-logits")]
    [InlineData("classes", "loss bce-with-logits needs 2 classes and 1 output, found 3 classes and 1 outputs")]
    [InlineData("feature json", "metadata 'feature_names' is not a JSON array of strings")]
    [InlineData("feature count", "1 feature names for 2 inputs")]
    [InlineData("std zero", "a standard deviation that is not positive")]
    [InlineData("std text", "metadata 'standardiser_stds' is not a JSON array of finite numbers")]
    public void Loading_refuses_a_model_that_does_not_fit_together(string kind, string message)
    {
        var path = Edited(kind);
        var e = Assert.Throws<CliException>(() => ModelFile.Load(path));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Saving_an_inconsistent_model_is_a_caller_bug_and_writes_nothing()
    {
        var dir = TestFiles.TempFolder();
        var path = Path.Combine(dir, "m.safetensors");
        Assert.Throws<ArgumentException>(() => ModelFile.Save(path, Small() with { ClassNames = ["only"] }));
        Assert.Throws<ArgumentException>(() => ModelFile.Save(path, Small() with { Standardiser = Standardiser.Of([0f], [1f]) }));
        Assert.Throws<ArgumentException>(() => ModelFile.Save(path, Small() with { Layer = new Architecture([5], "prelu").Build(1) }));
        Assert.Throws<ArgumentException>(() => ModelFile.Save(path, Small() with { Layer = Layers.Serial(new Layer("mine", w => Layers.Relu.Plan(w)), new Architecture([4], "prelu").Build(1)) }));
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    /// <summary>The format-1 metadata of the small model (what pure wrote before layer trees): the CLI's four settings instead of 'network'.</summary>
    static Dictionary<string, string> Version1(Dictionary<string, string> meta)
    {
        var old = meta.Where(m => m.Key != "network").ToDictionary();
        old["format_version"] = "1";
        old["hidden"] = "4";
        old["activation"] = "prelu";
        old["dropout"] = "0";
        return old;
    }

    /// <summary>A format-1 file (the MLP's settings, no tree) still loads, into the same network and the same predictions.</summary>
    [Fact]
    public void A_version_1_file_still_loads_and_predicts_the_same()
    {
        var dir = TestFiles.TempFolder();
        var (v1, v2) = (Path.Combine(dir, "v1.safetensors"), Path.Combine(dir, "v2.safetensors"));
        ModelFile.Save(v2, Small());
        var file = SafeTensors.Read(v2);
        SafeTensors.Write(v1, file.Tensors, Version1(file.Metadata.ToDictionary()));
        var (old, current) = (ModelFile.Load(v1), ModelFile.Load(v2));
        Assert.Equal(LayerSpecs.Describe(current.Layer).ThrowIfFail(), LayerSpecs.Describe(old.Layer).ThrowIfFail());
        var x = Matrix.Create(7, 2, Rng.FromSeed(4), static (dst, r) => r.FillNormal(0f, 1f, dst));
        Assert.Equal(current.ToModel().Predict(x).ThrowIfFail().ToArray(), old.ToModel().Predict(x).ThrowIfFail().ToArray());
    }

    /// <summary>A batch norm's running variance below 0 cannot have come from training: refused by name.</summary>
    [Fact]
    public void A_negative_running_variance_is_refused()
    {
        var layer = Layers.Serial(Layers.Dense(3), Layers.BatchNorm(), Layers.Dense(1));
        var network = Core.Training.Network.Build(layer, 2).ThrowIfFail();
        var model = new SavedModel(layer, 2, 1, Loss.BceWithLogits, LearningTask.Classification, ["x1", "x2"], "label", ["no", "yes"],
            Standardiser.Of([0f, 0f], [1f, 1f]), network.Init(Rng.FromSeed(1)));
        var path = Path.Combine(TestFiles.TempFolder(), "bn.safetensors");
        ModelFile.Save(path, model);
        var file = SafeTensors.Read(path);
        Assert.Equal([1f, 1f, 1f], file.Find("1.running_var")!.Data);
        var tensors = file.Tensors.Select(t => t.Name == "1.running_var" ? new Tensor(t.Name, t.Shape, [1f, -0.5f, 1f]) : t).ToList();
        SafeTensors.Write(path, tensors, file.Metadata.ToDictionary());
        var e = Assert.Throws<CliException>(() => ModelFile.Load(path));
        Assert.Contains("tensor '1.running_var' holds -0.5 at index 1 (at least 0 expected)", e.Message);
    }
}
