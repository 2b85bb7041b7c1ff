using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>The CLI's activation and optimiser names come from the core's catalogues: every entry is listed, accepted and saved.</summary>
public class CatalogueCliTests
{
    /// <summary>The names listed after <paramref name="label"/> in the help text, up to its [default: …].</summary>
    static string[] Listed(string help, string label)
    {
        var text = string.Join(" ", help.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        var match = System.Text.RegularExpressions.Regex.Match(text, System.Text.RegularExpressions.Regex.Escape(label) + @" (.+?) [\[(]default");
        Assert.True(match.Success, $"'{label}' not in the help: {text}");
        return match.Groups[1].Value.Split(", ");
    }

    [Fact]
    public void The_help_lists_exactly_the_names_the_catalogues_accept()
    {
        var help = PureCli.Run("train", "--help");
        Assert.Equal(0, help.ExitCode);
        var activations = Listed(help.Stdout, "hidden activation:");
        Assert.All(activations, name => Assert.True(Layers.Nonlinearity(name).IsSucc, name));
        Assert.Equal(Activation.All.SelectMany(a => a.Aliases.Prepend(a.Id)).Append("prelu").Order(), activations.Order());
        var optimisers = Listed(help.Stdout, "--optimizer <optimizer>");
        Assert.All(optimisers, name => Assert.True(OptimiserKind.Named(name).IsSucc, name));
        Assert.Equal(OptimiserKind.All.Select(k => k.Id).Order(), optimisers.Order());
        var inits = Listed(help.Stdout, "weight initialiser:");
        Assert.All(inits, name => Assert.True(Inits.ByName.ContainsKey(name), name));
        Assert.Contains("he", inits);
    }

    [Fact]
    public void Every_hidden_activation_and_every_optimiser_trains_and_the_model_reloads()
    {
        var folder = TestFiles.TempFolder();
        var moons = TestFiles.Data("moons.csv");
        foreach (var activation in Layers.NonlinearityNames)
        {
            var model = Path.Combine(folder, activation + ".safetensors");
            var train = PureCli.Run("train", moons, "--layers", "4", "--activation", activation, "--epochs", "2", "--save", model, "--quiet");
            Assert.True(train.ExitCode == 0, $"{activation}: {train.Stderr}");
            var eval = PureCli.Run("eval", model, moons);
            Assert.True(eval.ExitCode == 0, $"{activation}: {eval.Stderr}");
            Assert.Contains($"dense(4) → {Layers.Nonlinearity(activation).ThrowIfFail().Layer.Name} → dense(1) → 2 classes", eval.Stdout);
        }
        foreach (var kind in OptimiserKind.All)
        {
            var train = PureCli.Run("train", moons, "--layers", "4", "--optimizer", kind.Id, "--epochs", "2");
            Assert.True(train.ExitCode == 0, $"{kind.Id}: {train.Stderr}");
            Assert.Contains($"optimizer {kind.Id} lr {kind.DefaultLearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)};", train.Stdout);
        }
    }

    [Fact]
    public void An_unknown_activation_is_refused_with_the_list_of_names()
    {
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--activation", "swishy");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--activation: unknown activation 'swishy' (one of " + string.Join(", ", Layers.NonlinearityNames) + ")", r.Stderr);
    }

    [Theory]
    [InlineData("moons.csv", "--val,0.2,--dropout,0.1", "per epoch: loss is the mean training-mode batch loss during the epoch (dropout on, before each update); accuracy, val_loss and val_accuracy are evaluation-mode passes after it")]
    [InlineData("moons.csv", "--seed,1", "per epoch: loss is the mean training-mode batch loss during the epoch (before each update); accuracy is an evaluation-mode pass after it")]
    [InlineData("sine.csv", "--task,regression,--val,0.2", "per epoch: loss is the mean training-mode batch loss during the epoch (before each update); val_loss is an evaluation-mode pass after it")]
    [InlineData("sine.csv", "--task,regression", "per epoch: loss is the mean training-mode batch loss during the epoch (before each update)")]
    public void The_line_before_the_epochs_says_which_figures_are_training_mode_and_which_evaluation_mode(string data, string options, string legend)
    {
        var r = PureCli.Run(["train", TestFiles.Data(data), "--layers", "4", "--epochs", "2", .. options.Split(',')]);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.ReplaceLineEndings("\n").Split('\n');
        var at = Array.IndexOf(lines, legend);
        Assert.True(at >= 0, r.Stdout);
        Assert.StartsWith("epoch", lines[at + 1].TrimStart());
        Assert.DoesNotContain("per epoch:", PureCli.Run(["train", TestFiles.Data(data), "--layers", "4", "--epochs", "2", "--quiet", .. options.Split(',')]).Stdout);
    }
}
