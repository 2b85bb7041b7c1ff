using System.Globalization;
using Pure.Shell.Cli;

namespace Pure.Shell.Recipes;

/// <summary>
/// The learning-rate schedule as the command line gives it, in epochs (--schedule, --warmup, --step-every,
/// --gamma), turned into the core's <see cref="Schedule"/> in steps once the run's batches per epoch are known.
/// </summary>
public sealed record ScheduleOptions(string Name, int Warmup = 0, int? StepEvery = null, double? Gamma = null)
{
    public static ScheduleOptions Constant { get; } = new(ScheduleKind.Constant.Id);

    public static string Names => string.Join(", ", ScheduleKind.All.Select(k => k.Id));

    ScheduleKind Kind => ScheduleKind.Named(Name).Match(k => k, e => throw new CliException($"--schedule: {e.Message}"));

    bool IsStep => Kind == ScheduleKind.Step;

    /// <summary>The base rate throughout: no schedule, no warm-up (nothing to print or fingerprint).</summary>
    public bool IsConstant => Kind == ScheduleKind.Constant && Warmup == 0;

    /// <summary>The step schedule's period in epochs: --step-every, else a third of the run (two cuts).</summary>
    int PeriodEpochs(int epochs) => StepEvery ?? Math.Max(1, (epochs + 2) / 3);

    public void Validate(int epochs)
    {
        var kind = Kind;
        if (Warmup < 0) throw new CliException($"--warmup: must be at least 0 epochs, got {Warmup}");
        if (Warmup > 0 && Warmup >= epochs) throw new CliException($"--warmup {Warmup} leaves no epoch after it (--epochs {epochs})");
        if (Warmup > 0 && kind == ScheduleKind.OneCycle) throw new CliException("--warmup does not apply to --schedule onecycle: it warms up over its first 30 % of the steps");
        if (!IsStep && StepEvery is not null) throw new CliException($"--step-every applies to --schedule step, not {Name}");
        if (!IsStep && Gamma is not null) throw new CliException($"--gamma applies to --schedule step, not {Name}");
        if (StepEvery is < 1) throw new CliException($"--step-every: must be at least 1 epoch, got {StepEvery}");
        if (Gamma is { } g && !(g > 0 && g <= 1)) throw new CliException($"--gamma: {g} is not in (0, 1]");
    }

    /// <summary>The schedule of a run of <paramref name="epochs"/> epochs of <paramref name="stepsPerEpoch"/> steps.</summary>
    public Schedule For(int epochs, int stepsPerEpoch)
    {
        // the step counter is an int: a run past 2³¹ − 1 steps is refused here, before it starts
        int Steps(long count) => count <= int.MaxValue ? (int)count
            : throw new CliException($"--epochs {epochs} at {stepsPerEpoch} steps per epoch is more than {int.MaxValue} steps");
        return Schedule.Create(Kind, Steps((long)epochs * stepsPerEpoch), Steps((long)Warmup * stepsPerEpoch), Steps((long)PeriodEpochs(epochs) * stepsPerEpoch), Gamma ?? 0.1)
            .Match(s => s, e => throw new CliException($"--schedule: {e.Message}"));
    }

    /// <summary>The schedule in the command line's terms, for the run's fingerprint and its header; "constant" for no schedule.</summary>
    public string Describe(int epochs) =>
        IsConstant ? "constant"
        : Name + (IsStep ? $" ×{(Gamma ?? 0.1).ToString(CultureInfo.InvariantCulture)} every {Epochs(PeriodEpochs(epochs))}" : "")
          + (Warmup > 0 ? $", warm-up {Epochs(Warmup)}" : "") + (Kind.NeedsLength ? $", over {Epochs(epochs)}" : "");

    static string Epochs(int n) => n == 1 ? "1 epoch" : $"{n} epochs";
}
