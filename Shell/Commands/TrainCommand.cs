using System.CommandLine;
using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Data;
using Pure.Shell.Models;
using Pure.Shell.Recipes;
using Pure.Shell.Training;

namespace Pure.Shell.Commands;

/// <summary><c>pure train FILE.csv</c>: read, split, standardise, build, and run the epoch loop over the core's compiled step.</summary>
public static class TrainCommand
{
    public static Command Create(IBackend<float> backend)
    {
        var file = new Argument<string?>("file") { Description = "CSV file with a header row; the label is the last column unless --label", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string?>("--data") { Description = $"a folder with the four MNIST-format IDX files instead of a CSV (e.g. {IdxReader.DefaultDirectory}); its t10k files are the test split" };
        var label = new Option<string?>("--label") { Description = "name of the label column (default: the last); labels that are all numbers compare as numbers, so 1 and 1.0 are one class" };
        var features = new Option<string?>("--features") { Description = "the feature columns to use, by name, e.g. x1,x3 (default: every column but the label)" };
        var task = new Option<string>("--task") { Description = LearningTasks.Names, DefaultValueFactory = _ => LearningTask.Classification.Name() };
        var layers = new Option<string>("--layers") { Description = "hidden layer widths, e.g. 32,32,16", DefaultValueFactory = _ => "16" };
        var activation = new Option<string>("--activation") { Description = "hidden activation: " + string.Join(", ", Layers.NonlinearityNames), DefaultValueFactory = _ => "relu" };
        var init = new Option<string?>("--init") { Description = "weight initialiser: " + string.Join(", ", Inits.ByName.Keys) + " (default: he for ReLU-like, xavier otherwise)" };
        var dropout = new Option<double>("--dropout") { Description = "dropout rate after each hidden layer", DefaultValueFactory = _ => 0 };
        var optimizer = new Option<string>("--optimizer") { Description = string.Join(", ", OptimiserKind.All.Select(k => k.Id)), DefaultValueFactory = _ => "adam" };
        var lr = new Option<double?>("--lr") { Description = "learning rate (default " + string.Join(", ", OptimiserKind.All.Select(k => FormattableString.Invariant($"{k.DefaultLearningRate} {k.Id}"))) + ")" };
        var epochs = new Option<int>("--epochs") { Description = "passes over the data", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch") { Description = "mini-batch size", DefaultValueFactory = _ => 32 };
        var seed = new Option<long>("--seed") { Description = "random seed (same seed, same result)", DefaultValueFactory = _ => 0 };
        var val = new Option<double>("--val") { Description = "fraction held out for validation, watched every epoch (e.g. 0.2)", DefaultValueFactory = _ => 0 };
        var test = new Option<double>("--test") { Description = "fraction held out for a final test, never seen in training (e.g. 0.25)", DefaultValueFactory = _ => 0 };
        var patience = new Option<int?>("--patience") { Description = "stop after N epochs without a better validation loss, restoring the best weights (needs --val)" };
        var log = new Option<string?>("--log") { Description = "CSV file with one row per epoch" };
        var quiet = new Option<bool>("--quiet") { Description = "no per-epoch output" };
        var save = new Option<string?>("--save") { Description = "write the trained model (safetensors) to this file" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "checkpoint file (default: beside --save, or checkpoint.safetensors)" };
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Description = "write a checkpoint every N epochs (one is also written on Ctrl+C)" };
        var resume = new Option<string?>("--resume") { Description = "continue the run saved in this checkpoint (same command otherwise)" };
        var plot = new Option<string?>("--plot") { Description = "folder for PNG plots: training curves and, for 2-D inputs, the decision boundary" };
        var maxMemory = new Option<string?>("--max-memory") { Description = "refuse a run estimated to need more memory than this, e.g. 4G (default: the machine's memory)" };
        var schedule = new Option<string>("--schedule") { Description = "learning-rate schedule: " + ScheduleOptions.Names, DefaultValueFactory = _ => "constant" };
        var warmup = new Option<int>("--warmup") { Description = "epochs of linear warm-up before the schedule (not with onecycle)", DefaultValueFactory = _ => 0 };
        var stepEvery = new Option<int?>("--step-every") { Description = "--schedule step: cut the rate every N epochs (default: a third of the run)" };
        var gamma = new Option<double?>("--gamma") { Description = "--schedule step: the factor of each cut (default 0.1)" };
        var clipNorm = new Option<double?>("--clip-norm") { Description = "clip the gradient's global norm to this before each update (PyTorch's clip_grad_norm_), e.g. 1.0" };
        var norm = new Option<string>("--norm") { Description = "normalisation in each hidden block, after its dense layer: " + Architecture.NormNames, DefaultValueFactory = _ => "none" };
        var residual = new Option<bool>("--residual") { Description = "a skip connection around each hidden block whose input and output widths match (e.g. --layers 64,64,64)" };
        var summary = new Option<bool>("--summary") { Description = "print the network's layers, output widths, parameters and state before training (as pure summary does)" };
        var every = new Option<int?>("--print-every") { Description = "print every N epochs when not on a terminal (default: every epoch up to 100, else 100 lines)" };

        var command = new Command("train", "Train a network on a CSV file and report loss and accuracy per epoch")
        {
            file, data, label, features, task, layers, activation, init, dropout, norm, residual, optimizer, lr, schedule, warmup, stepEvery, gamma, clipNorm, epochs, batch, seed, val, test, patience, log, quiet, every, summary, save, checkpoint, checkpointEvery, resume, plot, maxMemory,
        };
        command.SetAction(r =>
        {
            var architecture = new Architecture(Architecture.ParseWidths(r.GetValue(layers)!), r.GetValue(activation)!, r.GetValue(dropout), r.GetValue(init))
            {
                Norm = r.GetValue(norm)!, Residual = r.GetValue(residual),
            };
            var recipe = new Recipe(architecture, r.GetValue(optimizer)!, r.GetValue(lr), r.GetValue(epochs), r.GetValue(batch), r.GetValue(seed))
            {
                Schedule = new ScheduleOptions(r.GetValue(schedule)!, r.GetValue(warmup), r.GetValue(stepEvery), r.GetValue(gamma)),
                ClipNorm = r.GetValue(clipNorm),
            };
            var options = new TrainOptions(r.GetValue(val), r.GetValue(test), r.GetValue(patience), r.GetValue(log), r.GetValue(quiet), r.GetValue(every))
            {
                SavePath = r.GetValue(save), CheckpointPath = r.GetValue(checkpoint), CheckpointEvery = r.GetValue(checkpointEvery), ResumePath = r.GetValue(resume), PlotFolder = r.GetValue(plot), Summary = r.GetValue(summary),
                MaxMemory = r.GetValue(maxMemory) is { } size ? ByteSize.Parse("--max-memory", size) : null,
            };
            var columns = r.GetValue(features)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var (csv, folder) = DataSource.Of("train", r.GetValue(file), r.GetValue(data), columns is null ? null : "--features");
            recipe.Validate();
            options.Validate();
            options.CheckFilesAgainst(csv);
            var learningTask = LearningTasks.Parse(r.GetValue(task)!); // checked before any data is read
            if (columns is { Length: 0 }) throw new CliException("--features: name at least one column");
            var examples = folder is null ? TrainingData.FromCsv(csv!, r.GetValue(label), learningTask, columns, LoadProgress.On(r.InvocationConfiguration.Error, csv!).Report) : TrainingData.FromIdx(folder, learningTask);
            return Run(examples, learningTask, recipe, options, backend, r.InvocationConfiguration.Output);
        });
        return command;
    }

    public static int Run(TrainingData examples, LearningTask task, Recipe recipe, TrainOptions options, IBackend<float> backend, TextWriter output)
    {
        var path = examples.Source;
        var targets = examples.Targets;
        var loss = task.LossFor(targets.ClassNames.Length);
        var keys = TrainingKeys.FromSeed(recipe.Seed);

        // Split first, then fit the standardiser on the training part only.
        var all = Dataset.Create(examples.Features, targets.Values).Match(d => d, e => throw new CliException($"{path}: {e.Message}"));
        var (trainRows, valRows, testRows) = Holdout.Split(examples.Rows, options.Validation, options.Test, keys.Split, examples.FixedTestRows);
        // the standardiser is fitted on the training rows only; each split is standardised on its way to the
        // backend, a block at a time: the host keeps the loaded matrix and no copy of any split
        var standardiser = Standardiser.Fit(all.Features, trainRows);
        var network = Network.Build(recipe.Architecture.Build(targets.Outputs), examples.Width).Match(n => n, e => throw new CliException($"network: {e.Message}"));
        var batchSize = Math.Min(recipe.BatchSize, trainRows.Length);
        if (batchSize < network.Plan.MinimumTrainingRows)
            throw new CliException($"--batch {batchSize}: --norm batch needs batches of at least {network.Plan.MinimumTrainingRows} rows (one row has no variance to normalise by)");
        // before the step or the parameters are allocated: a run that cannot fit is refused with its estimate, not found out at 16 GB
        MemoryBudget.For(network, recipe.Optimiser(), batchSize, examples.Rows, targets.ClassIndexed ? 1 : targets.Outputs).Check(options.MaxMemory);
        // the epoch's batches, the last one partial (TrainingRun's loop): the schedule counts steps
        var optimiser = recipe.ScheduledOptimiser((trainRows.Length + batchSize - 1) / batchSize);
        using var step = TrainingStep.Compile(network, loss, optimiser, backend, batchSize)
            .Match(s => s, e => throw new CliException(e.Message));
        DeviceDataset? Upload(int[] rows)
        {
            if (rows.Length == 0) return null;
            var features = standardiser.Rows(all.Features, rows);
            var values = all.Targets.GatherRows(rows);
            return (targets.ClassIndexed ? step.UploadClasses(features, values.Span.ToArray().Select(v => (int)v).ToArray()) : step.Upload(features, values))
                .Match(d => d, e => throw new CliException($"{path}: {e.Message}"));
        }
        using var data = Upload(trainRows)!;
        using var heldOut = Upload(valRows);
        using var test = Upload(testRows);

        output.WriteLine($"{path}: {examples.Rows} rows, {examples.Width} feature{(examples.Width == 1 ? "" : "s")}, " +
                         (targets.IsClassification ? $"{targets.ClassNames.Length} classes ({Listing.Few(targets.ClassNames)})" : "regression") +
                         $"; {trainRows.Length} for training" + (heldOut is null ? "" : $", {valRows.Length} for validation") + (test is null ? "" : $", {testRows.Length} for testing"));
        output.WriteLine($"network: {network}; loss {loss}; optimizer {recipe.OptimiserName} lr {step.Optimiser.LearningRate.ToString(CultureInfo.InvariantCulture)}" +
                         (recipe.Schedule.IsConstant ? "" : $", schedule {recipe.Schedule.Describe(recipe.Epochs)}") + recipe.ClipText + $"; batch {step.BatchCapacity}; seed {recipe.Seed}; backend {backend.Name}");

        if (options.Summary) SummaryCommand.Write(network, output);

        // Ctrl+C, SIGTERM or SIGHUP: the epoch finishes, a checkpoint is written, exit 130, 143 or 129
        using var signals = new StopSignals();
        SavedModel Saved(Params parameters, LayerState? state) => SavedModel.Of(recipe.Architecture, examples.Width, targets.Outputs, loss, task, examples.FeatureNames,
            examples.LabelName, targets.ClassNames, standardiser, parameters) with { State = state };
        // hashed once, and only by a run that resumes or checkpoints (it reads every target row as the network sees it)
        var fingerprint = new Lazy<string>(() => $"data {examples.Fingerprint()}; task {task.Name()}; loss {loss}; label {examples.LabelName}; {recipe.Fingerprint()}; val {options.Validation.ToString(CultureInfo.InvariantCulture)}; test {options.Test.ToString(CultureInfo.InvariantCulture)}; patience {options.Patience}");
        var checkpointPath = options.CheckpointFile();
        // probed only where checkpoints are scheduled: a plain run in a read-only folder must not fail on a file it may never write
        if (options.CheckpointPath is not null || options.CheckpointEvery is not null) AtomicFile.CheckTarget("checkpoint", checkpointPath);
        var resume = options.ResumePath is null ? null : CheckpointFile.Load(options.ResumePath, fingerprint.Value, optimiser.Schedule);
        if (resume is not null && resume.Epoch >= recipe.Epochs)
            throw new CliException($"--epochs {recipe.Epochs} is not past the checkpoint's epoch {resume.Epoch}: nothing to resume");
        if (resume is not null) output.WriteLine($"resuming from {options.ResumePath} after epoch {resume.Epoch}");
        var settings = new LoopSettings(recipe.Epochs, keys, options.Patience, options.CheckpointEvery);
        var loop = new TrainingLoop(step, data, heldOut);
        var log = new TrainingLog(options.LogPath);
        if (!options.Quiet)
            output.WriteLine(EpochReport.Legend(loss.IsClassification, heldOut is not null, recipe.Architecture.Dropout > 0));
        LoopOutcome outcome;
        using (var reporter = options.Reporter(output, recipe.Epochs))
            outcome = loop.Run(settings, network.Init(keys.Init), resume, reporter, log,
                () => signals.Requested, c => CheckpointFile.Save(checkpointPath, Saved(c.Parameters, c.State), c, fingerprint.Value, optimiser.Schedule), checkpointPath);
        // the model first, then the log and the plots: a write that fails is reported, and does not stop the others
        var failedWrites = new List<string>();
        void Attempt(string option, string target, Action write)
        {
            try
            {
                write();
            }
            catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException)
            {
                // each failure names its option: "--log full/log.csv: …", whoever phrased the rest
                var message = e.Message.ReplaceLineEndings(" ");
                failedWrites.Add(message.StartsWith(option, StringComparison.Ordinal) ? message
                    : message.StartsWith(target, StringComparison.Ordinal) ? $"{option} {message}"
                    : $"{option} {target}: {message}");
            }
        }
        if (options.SavePath is { } savePath)
            Attempt("--save", savePath, () =>
            {
                ModelFile.Save(savePath, Saved(outcome.Parameters, outcome.State));
                output.WriteLine($"model saved to {savePath}");
            });
        if (options.LogPath is { } logPath) Attempt("--log", logPath, log.Flush);
        if (options.PlotFolder is { } folder) Attempt("--plot", folder, () => TrainingPlots.Write(folder, path, log.Rows, Saved(outcome.Parameters, outcome.State), examples, backend, output));
        // the same evaluation as every epoch's, of the parameters kept, on the data already uploaded
        void Final(string name, DeviceDataset? set)
        {
            if (set is null) return;
            var (setLoss, accuracy) = step.Evaluate(outcome.Parameters, set, outcome.State);
            output.WriteLine(accuracy is { } a
                ? $"final {name} accuracy: {a * 100:F2}%, loss {setLoss:F6} ({set.Rows} rows)"
                : $"final {name} loss (mse): {setLoss:F6} ({set.Rows} rows)");
        }
        Final("training", data);
        Final("validation", heldOut);
        Final("test", test);
        if (outcome.StoppedEarly && outcome.BestEpoch is { } best) output.WriteLine($"weights of epoch {best} (best validation loss)");
        if (failedWrites.Count > 0) throw new CliException($"the run finished, but {string.Join("; ", failedWrites)}", ExitCodes.BadInput);
        return ExitCodes.Ok;
    }
}
