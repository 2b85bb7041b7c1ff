namespace Pure.Core.Backends;

/// <summary>
/// The arguments of one optimiser-update kernel, resolved on the host for one step: which kernel, how many
/// state vectors it keeps, the hyper-parameters, and the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ computed in
/// double (β₂ᵗ for small t loses digits in float). This is all a backend needs to know of an optimiser.
/// </summary>
public readonly record struct UpdateRule(
    string Kernel,
    int StateSlots,
    double LearningRate,
    double Momentum,
    double Beta1,
    double Beta2,
    double Epsilon,
    double WeightDecay,
    double L2,
    double Correction1,
    double Correction2);
