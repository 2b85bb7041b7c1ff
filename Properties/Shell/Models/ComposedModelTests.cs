using Pure.Core.Data;
using Pure.Core.Losses;
using Pure.Properties.Support;
using Pure.Shell.Models;
using Pure.Shell.Recipes;

namespace Pure.Properties;

/// <summary>Issue 14: a network composed in C# (residual blocks, both norms, dropout, PReLU) is saved, and pure eval and pure predict use it as trained.</summary>
public class ComposedModelTests
{
    [Fact]
    public void A_network_composed_in_code_saves_and_the_cli_evaluates_and_predicts_it_as_trained()
    {
        var moons = Generators.Moons(300, 0.15, Rng.FromSeed(5));
        Layer Block() => Layers.Residual(Layers.Serial(Layers.Dense(16, Inits.He), Layers.LayerNorm(), Layers.PRelu(), Layers.Dense(16, Inits.He)));
        var layer = Layers.Serial(Layers.Dense(16, Inits.He, useBias: false), Layers.BatchNorm(), Layers.Relu, Block(), Layers.Dropout(0.1), Block(), Layers.Dense(1));
        var model = Pure.Core.Training.Train.Fit(layer, moons, Loss.BceWithLogits, Optimiser.Adam(0.01), 40, 32, 3).ThrowIfFail();
        var folder = TestFiles.TempFolder();
        var path = Path.Combine(folder, "composed.safetensors");
        ModelFile.Save(path, SavedModel.From(model, ["x1", "x2"], "label", ["0", "1"]));
        var csv = TrainedModels.WriteCsv(Path.Combine(folder, "moons.csv"), "x1,x2,label", moons, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var accuracy = model.Accuracy(moons.Features, moons.Targets).ThrowIfFail();
        Assert.True(accuracy > 0.9, $"trained to {accuracy:P1}");
        var eval = PureCli.Run("eval", path, csv);
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains($"accuracy  {accuracy * 100:F2}%", eval.Stdout);
        Assert.Contains("residual(dense(16) → layer-norm → prelu → dense(16))", eval.Stdout);

        var predict = PureCli.Run("predict", path, csv, "--proba");
        Assert.Equal(0, predict.ExitCode);
        var expected = model.Predict(moons.Features).ThrowIfFail();
        var lines = predict.Stdout.Trim().Split('\n');
        var header = lines[0].Split(',');
        var probability = Array.IndexOf(header, "p_1");
        Assert.True(probability >= 0, $"predict's header: {lines[0]}");
        for (var r = 0; r < moons.Rows; r++)
            Assert.Equal(expected[r, 0], float.Parse(lines[r + 1].Split(',')[probability], System.Globalization.CultureInfo.InvariantCulture), 1e-6f);
        // the saved running statistics are the trained ones, not the initial 0 and 1
        Assert.Equal(model.State.ToArray(), ModelFile.Load(path).State!.ToArray());
    }
}
