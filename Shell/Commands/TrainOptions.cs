using Pure.Shell.Cli;
using Pure.Shell.Training;

namespace Pure.Shell.Commands;

/// <summary>How a training run is watched and kept: validation split, early stopping, log, output.</summary>
public sealed record TrainOptions(double Validation, double Test, int? Patience, string? LogPath, bool Quiet, int? PrintEvery)
{
    public string? SavePath { get; init; }
    public string? CheckpointPath { get; init; }
    public int? CheckpointEvery { get; init; }
    public string? ResumePath { get; init; }
    public string? PlotFolder { get; init; }

    /// <summary>--summary: the network's table before the first epoch.</summary>
    public bool Summary { get; init; }

    /// <summary>The memory the run may use, in bytes (--max-memory); null: the machine's.</summary>
    public long? MaxMemory { get; init; }

    /// <summary>Where checkpoints go: --checkpoint, else the file resumed from, else beside --save, else checkpoint.safetensors.</summary>
    public string CheckpointFile() =>
        CheckpointPath ?? ResumePath ?? (SavePath is { } save
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(save))!, Path.GetFileNameWithoutExtension(save) + ".checkpoint.safetensors")
            : "checkpoint.safetensors");

    /// <summary>
    /// Refuses outputs that are the data file or the checkpoint resumed from, or each other. The one file that
    /// may be both is the checkpoint: by default a resumed run keeps checkpointing into the file it resumed from.
    /// </summary>
    public void CheckFilesAgainst(string? dataFile)
    {
        var checkpoint = CheckpointFile();
        List<DistinctFiles.Named> inputs = [];
        if (dataFile is not null) inputs.Add(new("the data file", dataFile));
        List<DistinctFiles.Named> outputs = [];
        if (SavePath is not null) outputs.Add(new("--save", SavePath));
        if (LogPath is not null) outputs.Add(new("--log", LogPath));
        if (PlotFolder is not null)
            outputs.AddRange(TrainingPlots.Files.Select(f => new DistinctFiles.Named("--plot", Path.Combine(PlotFolder, f))));
        if (ResumePath is not null) DistinctFiles.Check([new("--resume", ResumePath)], outputs);
        DistinctFiles.Check(inputs, [.. outputs, new(CheckpointPath is null ? "the checkpoint" : "--checkpoint", checkpoint)]);
    }

    public void Validate()
    {
        if (!(Validation >= 0 && Validation < 1)) throw new CliException($"--val: {Validation} is not in [0, 1)");
        if (!(Test >= 0 && Test < 1)) throw new CliException($"--test: {Test} is not in [0, 1)");
        if (Validation + Test >= 1) throw new CliException($"--val {Validation} and --test {Test} leave nothing to train on");
        if (Patience is < 1) throw new CliException($"--patience: must be at least 1, got {Patience}");
        if (Patience is not null && Validation == 0) throw new CliException("--patience needs a validation split (--val 0.2, say): early stopping watches the validation loss");
        if (SavePath is not null) AtomicFile.CheckTarget("--save", SavePath);
        if (LogPath is not null) AtomicFile.CheckTarget("--log", LogPath);
        if (CheckpointPath is not null) AtomicFile.CheckTarget("--checkpoint", CheckpointPath);
        if (PlotFolder is not null) OutputFolder.Create("--plot", PlotFolder);
        if (CheckpointEvery is < 1) throw new CliException($"--checkpoint-every: must be at least 1, got {CheckpointEvery}");
        if (ResumePath is not null) InputFile.Require(ResumePath, "--resume");
        if (PrintEvery is < 1) throw new CliException($"--print-every: must be at least 1, got {PrintEvery}");
    }

    /// <summary>
    /// A progress bar when <paramref name="output"/> is the process's own terminal, plain lines to
    /// <paramref name="output"/> otherwise (a pipe, a file, a caller's writer), nothing with --quiet.
    /// </summary>
    public IEpochReporter Reporter(TextWriter output, int epochs) =>
        Quiet ? new QuietReporter(output)
        : PrintEvery is null && IsInteractiveConsole(output) ? new ProgressBarReporter(output, epochs)
        : new LineReporter(output, PrintEvery ?? (epochs <= 100 ? 1 : epochs / 100));

    static bool IsInteractiveConsole(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
