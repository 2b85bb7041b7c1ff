namespace Pure.Core.Perceptron;

/// <summary>
/// The weights and bias at the end of <see cref="Epoch"/> equal those at the end of <see cref="SameAsEpoch"/>, with
/// mistakes in between. In the fixed row order an epoch is a function of the weights it starts from, so the run
/// repeats that stretch forever: infinitely many mistakes, which Novikoff's theorem rules out on data a hyperplane
/// separates with a positive margin — a proof that these classes are not linearly separable.
/// </summary>
public sealed record WeightCycle(int Epoch, int SameAsEpoch)
{
    /// <summary>The number of epochs after which the weights come back.</summary>
    public int Period => Epoch - SameAsEpoch;
}
