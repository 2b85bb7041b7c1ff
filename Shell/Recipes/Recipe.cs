using Pure.Shell.Cli;

namespace Pure.Shell.Recipes;

/// <summary>The network and training settings a user gives on the command line, turned into core values.</summary>
public sealed record Recipe(Architecture Architecture, string OptimiserName, double? LearningRate, int Epochs, int BatchSize, long Seed)
{
    /// <summary>The learning-rate schedule (--schedule, --warmup …); constant unless given.</summary>
    public ScheduleOptions Schedule { get; init; } = ScheduleOptions.Constant;

    /// <summary>--clip-norm: the gradient's global norm is clipped to this before each update; null for none.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>The optimiser named on the command line, with its kind's default rate unless --lr is given (and no schedule).</summary>
    public Optimiser Optimiser()
    {
        if (LearningRate is { } lr && (!(lr > 0) || !double.IsFinite(lr))) throw new CliException($"--lr: {lr} is not a positive number");
        if (ClipNorm is { } clip && (!(clip > 0) || !double.IsFinite(clip) || clip > float.MaxValue))
            throw new CliException($"--clip-norm: {clip} is not a positive number within single precision (up to 3.4e38)");
        return OptimiserKind.Named(OptimiserName).Match(kind => kind.Create(LearningRate) with { ClipNorm = ClipNorm }, e => throw new CliException($"--optimizer: {e.Message}"));
    }

    /// <summary>What the header line and the fingerprint add for clipping: nothing without it.</summary>
    public string ClipText => ClipNorm is { } c ? $"; clip-norm {c.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";

    /// <summary>The optimiser with its schedule, for a run whose training split takes <paramref name="stepsPerEpoch"/> steps per epoch.</summary>
    public Optimiser ScheduledOptimiser(int stepsPerEpoch) => Optimiser() with { Schedule = Schedule.For(Epochs, stepsPerEpoch) };

    /// <summary>The settings that shape the run's arithmetic (not its length): a resumed run must match them.</summary>
    public string Fingerprint() =>
        $"layers {string.Join(",", Architecture.Hidden)}; activation {Architecture.ActivationName}; dropout {Architecture.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)}; " +
        $"init {Architecture.InitName ?? "default"}; optimizer {OptimiserName}; lr {Optimiser().LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}; batch {BatchSize}; seed {Seed}" +
        // a constant rate adds nothing, so checkpoints from before schedules existed still resume
        (Schedule.IsConstant ? "" : $"; schedule {Schedule.Describe(Epochs)}") + ClipText + Architecture.Extras;

    public void Validate()
    {
        // the network's and the optimiser's options are checked before any data is read
        Architecture.Build(1);
        Optimiser();
        if (Epochs < 1) throw new CliException($"--epochs: must be at least 1, got {Epochs}");
        if (BatchSize < 1) throw new CliException($"--batch: must be at least 1, got {BatchSize}");
        Schedule.Validate(Epochs);
    }
}
