namespace Pure.Core.Perceptron;

/// <summary>
/// How the two classes are coded while learning. The data always hold class indices 0 and 1; the coding picks the
/// textbook form of the rule. Both forms change the weights identically on every mistake (y − ŷ = ±1 exactly when
/// y coded as ±1 is), so they trace the same run: the choice is how the rule reads, not what it learns.
/// </summary>
public enum PerceptronLabels
{
    /// <summary>Labels y ∈ {0, 1}, output ŷ = H(w·x + b); rule w ← w + η(y − ŷ)x, b ← b + η(y − ŷ) (Rosenblatt 1958).</summary>
    ZeroOne,

    /// <summary>Labels y ∈ {−1, +1} (class 0 ↦ −1), output 2H(w·x + b) − 1; on a mistake w ← w + ηyx, b ← b + ηy.</summary>
    PlusMinusOne,
}
