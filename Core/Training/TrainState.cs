using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// A handle on the parameters and optimiser state held by a <see cref="TrainingStep"/>, after
/// <see cref="Step"/> updates. Like JAX's donated buffers, passing a state to <c>Run</c> consumes it: only
/// the state that <c>Run</c> returned is valid afterwards (reusing an old one throws). A value type, so a
/// step allocates nothing.
/// </summary>
public readonly record struct TrainState(TrainingStep Owner, int Step, Rng Key);
