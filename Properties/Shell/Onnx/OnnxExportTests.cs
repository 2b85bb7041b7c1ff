using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pure.Properties.Support;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>
/// Issue 15: `pure export --onnx` checked by ONNX Runtime. For a model of every activation and of every layer kind
/// (dense with and without bias, PReLU, dropout, softmax with temperature, residual with and without projection,
/// layer norm, batch norm with trained running statistics), the exported graph's outputs on raw test rows equal
/// `pure predict --proba` to 1e-5, in the same class order.
/// </summary>
public class OnnxExportTests
{
    static readonly Dataset Blobs = Generators.Blobs(90, 3, 1.2, Rng.FromSeed(15));

    /// <summary>Trains <paramref name="layer"/> (a few epochs: the numbers need only be a real model's), saves it with a fitted standardiser, exports it, and compares.</summary>
    static void ExportAndCompare(Layer layer, Loss loss, string what)
    {
        var raw = Matrix.From(Blobs.Rows, 2, Blobs.Features.ToArray().Select((v, i) => v * (i % 2 == 0 ? 3f : 0.5f) + (i % 2 == 0 ? 10f : -4f)).ToArray()).ThrowIfFail();
        var standardiser = Standardiser.Fit(raw);
        var labels = Blobs.Targets.ToArray().Select(v => (int)v).ToArray();
        var (targets, classes) = loss.Kind switch
        {
            LossKind.SoftmaxCrossEntropy => (OneHot.Encode(labels, 3), new[] { "c", "a", "b" }),
            LossKind.MeanSquaredError => (Matrix.Column(labels.Select(v => (float)v).ToArray()), Array.Empty<string>()),
            _ => (Matrix.Column(labels.Select(v => v > 0 ? 1f : 0f).ToArray()), new[] { "no", "yes" }),
        };
        var data = Dataset.Create(standardiser.Apply(raw), targets).ThrowIfFail();
        var model = Pure.Core.Training.Train.Fit(layer, data, loss, Optimiser.Adam(0.01), 5, 16, 1).ThrowIfFail();
        var folder = TestFiles.TempFolder();
        var (modelPath, onnxPath, csv) = (Path.Combine(folder, "m.safetensors"), Path.Combine(folder, "m.onnx"), Path.Combine(folder, "rows.csv"));
        ModelFile.Save(modelPath, SavedModel.From(model, ["x1", "x2"], "label", classes, standardiser));
        File.WriteAllLines(csv, ["x1,x2", .. Enumerable.Range(0, raw.Rows).Select(r => string.Join(",", raw.Row(r).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))))]);
        var export = PureCli.Run("export", modelPath, "--onnx", onnxPath);
        Assert.True(export.ExitCode == 0, $"{what}: {export.Stderr}");
        var predict = loss.IsClassification ? PureCli.Run("predict", modelPath, csv, "--proba") : PureCli.Run("predict", modelPath, csv);
        Assert.True(predict.ExitCode == 0, $"{what}: {predict.Stderr}");

        using var session = new InferenceSession(onnxPath);
        var input = new DenseTensor<float>(raw.ToArray(), [raw.Rows, 2]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        var onnx = results.Single().AsTensor<float>().ToArray();
        var lines = predict.Stdout.Trim().Split('\n');
        var header = lines[0].Split(',');
        var width = model.Network.OutputWidth;
        for (var r = 0; r < raw.Rows; r++)
        {
            var cells = lines[r + 1].Split(',');
            for (var c = 0; c < width; c++)
            {
                // predict prints p_CLASS per class (for two classes p_no = 1 − p_yes); the graph outputs the network's columns
                var column = loss.IsClassification ? Array.IndexOf(header, $"p_{classes[width == 1 ? 1 : c]}") : 0;
                var expected = float.Parse(cells[column], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(onnx[r * width + c] - expected) <= 1e-5, $"{what}: row {r}, output {c}: ONNX {onnx[r * width + c]}, pure predict {expected}");
            }
        }
        var meta = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal(classes, JsonSerializer.Deserialize<string[]>(meta["class_names"])!);
        Assert.Equal(["x1", "x2"], JsonSerializer.Deserialize<string[]>(meta["feature_names"])!);
        Assert.Equal(-1, session.InputMetadata["features"].Dimensions[0]);
    }

    public static TheoryData<string> Activations => [.. Activation.All.Select(a => a.Id)];

    [Theory]
    [MemberData(nameof(Activations))]
    public void Every_activation_exports_and_onnx_runtime_computes_what_pure_predicts(string id)
    {
        var f = Activation.Named(id).ThrowIfFail();
        var act = f.HasAlpha ? Layers.Activation(f.WithAlpha(0.3)) : Layers.Activation(f);
        ExportAndCompare(Layers.Serial(Layers.Dense(6, Inits.He), act, Layers.Dense(1)), Loss.BceWithLogits, id);
    }

    [Fact]
    public void Every_layer_kind_exports_and_onnx_runtime_computes_what_pure_predicts()
    {
        var layer = Layers.Serial(
            Layers.Dense(8, Inits.He, useBias: false), Layers.BatchNorm(), Layers.PRelu(),
            Layers.Residual(Layers.Serial(Layers.Dense(8, Inits.He), Layers.LayerNorm(), Layers.Tanh, Layers.Dropout(0.2))),
            Layers.Residual(Layers.Dense(5), project: true), Layers.Softmax(2.0), Layers.Dense(3));
        ExportAndCompare(layer, Loss.SoftmaxCrossEntropy, "every layer kind, softmax cross-entropy");
        ExportAndCompare(Layers.Serial(Layers.Dense(4), Layers.Relu, Layers.Dense(1)), Loss.Mse, "regression");
        ExportAndCompare(Layers.Serial(Layers.Dense(4), Layers.Relu, Layers.Dense(1), Layers.Sigmoid), Loss.BinaryCrossEntropy, "bce on a sigmoid output");
    }

    [Fact]
    public void An_export_that_cannot_be_made_is_one_line_exit_2_and_no_file()
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "m.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "4", "--epochs", "1", "--quiet", "--save", model).ExitCode);
        var onnx = Path.Combine(folder, "m.onnx");
        var opset = PureCli.Run("export", model, "--onnx", onnx, "--opset", "12");
        Assert.Equal(2, opset.ExitCode);
        Assert.Contains("opset 12 is not one this exporter writes", opset.Stderr);
        var same = PureCli.Run("export", model, "--onnx", model);
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("refusing to overwrite an input", same.Stderr);
        var empty = PureCli.Run("export", model, "--onnx", "");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("--onnx: the file name is empty", empty.Stderr);
        Assert.Equal(["m.safetensors"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    /// <summary>The exporter (a pure function of the predictor) names what it cannot export: a layer made by hand has no description, so no ONNX form.</summary>
    [Fact]
    public void A_layer_without_an_onnx_form_is_an_error_naming_it()
    {
        var custom = new Layer("mine", w => Layers.Relu.Plan(w));
        var network = Network.Build(Layers.Serial(Layers.Dense(3), custom, Layers.Dense(1)), 2).ThrowIfFail();
        var predictor = new Pure.Core.Onnx.OnnxPredictor(network, network.Init(Rng.FromSeed(1)), network.InitialState(), Loss.BceWithLogits, [0f, 0f], [1f, 1f], ["a", "b"], "y", ["0", "1"]);
        var error = Pure.Core.Onnx.OnnxExport.Export(predictor, "test").Match(_ => "", e => e.Message);
        Assert.Equal("layer mine was not made by Pure's layer constructors, so it cannot be described or saved", error);
        var kind = new LayerSpec("conv", [], []);
        Assert.Contains("unknown layer kind 'conv'", LayerSpecs.Build(LayerSpec.Of("serial").With([kind])).Match(_ => "", e => e.Message));
    }
}
