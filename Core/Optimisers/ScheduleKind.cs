namespace Pure.Core.Optimisers;

/// <summary>
/// One learning-rate schedule's shape, defined once: its name (the CLI's and the checkpoint's key), whether it
/// needs the run's length, and its factor as a function of the progress after warm-up. Adding a schedule is
/// one entry here. The factor multiplies the optimiser's base rate; a <see cref="Schedule"/> adds the warm-up.
/// </summary>
public sealed record ScheduleKind
{
    /// <summary>The factor at step <c>t</c> (1-based, counted after warm-up) of a phase of <c>n</c> steps.</summary>
    public delegate double Shape(Schedule schedule, int t, int n);

    ScheduleKind(string id, bool needsLength, Shape factor)
    {
        Id = id;
        NeedsLength = needsLength;
        Factor = factor;
    }

    /// <summary>The schedule's name on the command line and in checkpoints.</summary>
    public string Id { get; }

    /// <summary>True where the factor depends on the run's total steps (a run resumed with another length would differ).</summary>
    public bool NeedsLength { get; }

    /// <summary>The factor as a function of the step after warm-up and the phase's length.</summary>
    public Shape Factor { get; }

    /// <summary>1 throughout.</summary>
    public static readonly ScheduleKind Constant = new("constant", false, (_, _, _) => 1);

    /// <summary>PyTorch's StepLR: γ^⌊(t − 1)/S⌋, the rate cut by γ every S steps.</summary>
    public static readonly ScheduleKind Step = new("step", false, (s, t, _) => Math.Pow(s.Gamma, (t - 1) / s.StepEvery));

    /// <summary>Loshchilov &amp; Hutter's cosine annealing to 0 without restarts (PyTorch's CosineAnnealingLR, η_min 0): ½(1 + cos(π(t − 1)/n)).</summary>
    public static readonly ScheduleKind Cosine = new("cosine", true, (_, t, n) => 0.5 * (1 + Math.Cos(Math.PI * (t - 1) / n)));

    /// <summary>
    /// Smith's 1cycle as PyTorch's OneCycleLR has it (cosine phases, pct_start 0.3, div_factor 25,
    /// final_div_factor 10⁴; the momentum is not cycled): from 1/25 up to 1 over the first 30 % of the steps,
    /// then down to 1/(25·10⁴) at the last step.
    /// </summary>
    public static readonly ScheduleKind OneCycle = new("onecycle", true, (_, t, n) =>
    {
        const double initial = 1.0 / 25, final = initial / 1e4;
        var i = t - 1;
        var peak = 0.3 * n - 1;
        return i <= peak
            ? Anneal(initial, 1, peak <= 0 ? 1 : i / peak)
            : Anneal(1, final, n - 1 - peak <= 0 ? 1 : (i - peak) / (n - 1 - peak));
    });

    /// <summary>Every schedule, in the order the CLI lists them.</summary>
    public static IReadOnlyList<ScheduleKind> All { get; } = [Constant, Step, Cosine, OneCycle];

    /// <summary>The schedule called <paramref name="name"/>, or an error listing the names.</summary>
    public static LanguageExt.Fin<ScheduleKind> Named(string name) =>
        All.FirstOrDefault(k => k.Id == name) is { } kind
            ? kind
            : LanguageExt.Common.Error.New($"unknown schedule '{name}' (one of {string.Join(", ", All.Select(k => k.Id))})");

    // PyTorch's _annealing_cos: from start (progress 0) to end (progress 1) along half a cosine
    static double Anneal(double start, double end, double progress) => end + (start - end) / 2 * (Math.Cos(Math.PI * progress) + 1);

    /// <inheritdoc/>
    public override string ToString() => Id;
}
