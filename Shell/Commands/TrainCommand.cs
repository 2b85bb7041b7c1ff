using System.CommandLine;
using System.Globalization;
using Pure.Core.Backends.Cpu;
using Pure.Core.Data;
using Pure.Core.Tensors;
using Pure.Core.Training;
using Pure.Shell.Cli;
using Pure.Shell.Csv;

namespace Pure.Shell.Commands;

/// <summary><c>pure train FILE.csv</c>: read, standardise, build, and run the epoch loop over the core's compiled step.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV file with a header row; the label is the last column unless --label" };
        var label = new Option<string?>("--label") { Description = "name of the label column" };
        var task = new Option<string>("--task") { Description = "classification or regression", DefaultValueFactory = _ => "classification" };
        var layers = new Option<string>("--layers") { Description = "hidden layer widths, e.g. 32,32,16", DefaultValueFactory = _ => "16" };
        var activation = new Option<string>("--activation") { Description = "hidden activation: relu, leaky-relu, prelu, elu, gelu, gelu-tanh, silu, softplus, sigmoid, tanh", DefaultValueFactory = _ => "relu" };
        var init = new Option<string?>("--init") { Description = "weight initialiser: zeros, small, xavier, he, lecun … (default: he for ReLU-like, xavier otherwise)" };
        var dropout = new Option<double>("--dropout") { Description = "dropout rate after each hidden layer", DefaultValueFactory = _ => 0 };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd, momentum, nesterov, adam, adamw", DefaultValueFactory = _ => "adam" };
        var lr = new Option<double?>("--lr") { Description = "learning rate (default 0.1 sgd, 0.05 momentum/nesterov, 0.01 adam/adamw)" };
        var epochs = new Option<int>("--epochs") { Description = "passes over the data", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch") { Description = "mini-batch size", DefaultValueFactory = _ => 32 };
        var seed = new Option<long>("--seed") { Description = "random seed (same seed, same result)", DefaultValueFactory = _ => 0 };
        var every = new Option<int?>("--print-every") { Description = "print every N epochs (default: every epoch up to 100 epochs, else 100 lines)" };

        var command = new Command("train", "Train a network on a CSV file and report loss and accuracy per epoch")
        {
            file, label, task, layers, activation, init, dropout, optimizer, lr, epochs, batch, seed, every,
        };
        command.SetAction(r =>
        {
            var architecture = new Architecture(Architecture.ParseWidths(r.GetValue(layers)!), r.GetValue(activation)!, r.GetValue(dropout), r.GetValue(init));
            var recipe = new Recipe(architecture, r.GetValue(optimizer)!, r.GetValue(lr), r.GetValue(epochs), r.GetValue(batch), r.GetValue(seed));
            return Run(r.GetValue(file)!, r.GetValue(label), r.GetValue(task)!, recipe, r.GetValue(every), Console.Out);
        });
        return command;
    }

    public static int Run(string path, string? labelColumn, string task, Recipe recipe, int? printEvery, TextWriter output)
    {
        recipe.Validate();
        var loss = Recipe.LossFor(task, 2); // validates --task before reading
        var table = CsvTableReader.Read(path, labelColumn);
        var targets = Targets.For(table, task);
        loss = Recipe.LossFor(task, targets.ClassNames.Length);
        var raw = Matrix.From(table.Rows, table.Width, table.Features).Match(m => m, e => throw new CliException($"{path}: {e.Message}"));
        // Standardisation is fitted on the training data (here: all of it) and would be stored with the model.
        var x = Standardiser.Fit(raw).Apply(raw);
        var layer = recipe.Architecture.Build(targets.Values.Cols);
        var network = Network.Build(layer, table.Width).Match(n => n, e => throw new CliException($"network: {e.Message}"));
        var backend = new CpuBackend<float>();
        using var step = TrainingStep.Compile(network, loss, recipe.Optimiser(), backend, Math.Min(recipe.BatchSize, table.Rows))
            .Match(s => s, e => throw new CliException(e.Message));
        using var data = step.Upload(x, targets.Values).Match(d => d, e => throw new CliException($"{path}: {e.Message}"));

        var rng = Rng.FromSeed(recipe.Seed);
        var state = step.Start(network.Init(rng.Fold(0)), rng.Fold(1));
        var order = Enumerable.Range(0, table.Rows).ToArray();
        var interval = printEvery ?? (recipe.Epochs <= 100 ? 1 : recipe.Epochs / 100);
        output.WriteLine($"{path}: {table.Rows} rows, {table.Width} features, " +
                         (targets.IsClassification ? $"{targets.ClassNames.Length} classes ({string.Join(", ", targets.ClassNames)})" : "regression"));
        output.WriteLine($"network: {network}; loss {loss}; optimizer {recipe.OptimiserName} lr {step.Optimiser.LearningRate.ToString(CultureInfo.InvariantCulture)}; batch {step.BatchCapacity}; seed {recipe.Seed}");
        double meanLoss = 0, accuracy = 0;
        for (var epoch = 1; epoch <= recipe.Epochs; epoch++)
        {
            if (step.BatchCapacity < table.Rows) rng.Fold(2).Fold((ulong)epoch).Permutation(order);
            (state, meanLoss) = step.RunEpoch(state, data, order, recipe.BatchSize);
            if (!double.IsFinite(meanLoss))
                throw new CliException($"epoch {epoch}: the loss became {meanLoss}; the run diverged — try a lower learning rate (--lr)", ExitCodes.Failed);
            if (epoch % interval == 0 || epoch == recipe.Epochs)
            {
                var line = $"epoch {epoch,5}/{recipe.Epochs}  loss {meanLoss:F6}";
                if (targets.IsClassification)
                {
                    accuracy = TrainingAccuracy(backend, step, state, x, targets);
                    line += $"  accuracy {accuracy * 100:F2}%";
                }
                output.WriteLine(line);
            }
        }
        if (targets.IsClassification) output.WriteLine($"final training accuracy: {accuracy * 100:F2}% ({table.Rows} rows)");
        else output.WriteLine($"final training loss (mse): {meanLoss:F6}");
        return ExitCodes.Ok;
    }

    static double TrainingAccuracy(CpuBackend<float> backend, TrainingStep step, TrainState state, Matrix x, Targets targets) =>
        Inference.Predict(backend, step.Network, step.Freeze(state), step.Loss, x)
            .Match(p => Metrics.Accuracy(Metrics.Classes(p), targets.Classes), e => throw new CliException(e.Message));
}
