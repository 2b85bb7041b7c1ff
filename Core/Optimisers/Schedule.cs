using LanguageExt;
using LanguageExt.Common;

namespace Pure.Core.Optimisers;

/// <summary>
/// A learning-rate schedule as a pure function of the step: <see cref="Factor"/>(t) multiplies the optimiser's
/// base rate at step t (counting from 1). The first <see cref="WarmupSteps"/> steps ramp linearly, t/W (as
/// Goyal et al. 2017); the kind's shape then runs over the remaining <see cref="TotalSteps"/> − W steps.
/// Nothing is kept between steps, so a run resumed at step t continues bit for bit. Made by
/// <see cref="Create"/>, which checks the numbers; <see cref="None"/> is the constant rate.
/// </summary>
public sealed record Schedule
{
    Schedule(ScheduleKind kind, int totalSteps, int warmupSteps, int stepEvery, double gamma)
    {
        Kind = kind;
        TotalSteps = totalSteps;
        WarmupSteps = warmupSteps;
        StepEvery = stepEvery;
        Gamma = gamma;
    }

    /// <summary>The shape after warm-up.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>The run's length in steps (the horizon of cosine and 1cycle; unused by the others).</summary>
    public int TotalSteps { get; }

    /// <summary>The warm-up W in steps: the factor is t/W for t ≤ W (0 for none).</summary>
    public int WarmupSteps { get; }

    /// <summary>The step schedule's period in steps.</summary>
    public int StepEvery { get; }

    /// <summary>The step schedule's factor per period.</summary>
    public double Gamma { get; }

    /// <summary>The constant rate: factor 1 at every step.</summary>
    public static Schedule None { get; } = new(ScheduleKind.Constant, 0, 0, 1, 1);

    /// <summary>
    /// A schedule of <paramref name="kind"/> for a run of <paramref name="totalSteps"/> steps (needed by the
    /// kinds whose shape depends on it), or an error naming the bad number.
    /// </summary>
    public static Fin<Schedule> Create(ScheduleKind kind, int totalSteps = 0, int warmupSteps = 0, int stepEvery = 1, double gamma = 0.1)
    {
        if (warmupSteps < 0) return Error.New($"the warm-up is {warmupSteps} steps; it must be ≥ 0");
        if (kind.NeedsLength && totalSteps <= warmupSteps)
            return Error.New($"the {kind} schedule needs more steps than its warm-up: {totalSteps} steps, {warmupSteps} of warm-up");
        if (kind == ScheduleKind.OneCycle && warmupSteps > 0) return Error.New("onecycle has its own warm-up (the first 30 % of the steps); drop the warm-up");
        if (stepEvery < 1) return Error.New($"the step schedule's period is {stepEvery} steps; it must be ≥ 1");
        if (!(gamma > 0 && gamma <= 1)) return Error.New($"the step schedule's factor γ is {gamma}; it must be in (0, 1]");
        return new Schedule(kind, totalSteps, warmupSteps, stepEvery, gamma);
    }

    /// <summary>The factor of the base rate at step <paramref name="step"/> (1-based), in (0, 1].</summary>
    public double Factor(int step) =>
        step <= WarmupSteps
            ? (double)step / WarmupSteps
            : Kind.Factor(this, Math.Min(step - WarmupSteps, Phase), Phase);

    // the steps after warm-up; a step past the horizon keeps the last step's factor (cosine would rise again)
    int Phase => Kind.NeedsLength ? TotalSteps - WarmupSteps : int.MaxValue;

    /// <inheritdoc/>
    public override string ToString() =>
        Kind == ScheduleKind.Constant && WarmupSteps == 0 ? "constant"
        : $"{Kind}" + (Kind == ScheduleKind.Step ? FormattableString.Invariant($" ×{Gamma} every {Steps(StepEvery)}") : "")
          + (WarmupSteps > 0 ? $", warm-up {Steps(WarmupSteps)}" : "") + (Kind.NeedsLength ? $", over {Steps(TotalSteps)}" : "");

    static string Steps(int n) => n == 1 ? "1 step" : $"{n} steps";
}
