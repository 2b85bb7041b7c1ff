using Pure.Core.Backends;
using Pure.Core.Optimisers;

namespace Pure.Core.Training;

/// <summary>The optimiser as a pure transition on values: (θ, g, state) → (θ′, state′), computed by the backend's kernel on copies.</summary>
public static class Optimise
{
    /// <summary>
    /// One step of <paramref name="optimiser"/> from <paramref name="parameters"/>, <paramref name="gradients"/> and
    /// <paramref name="state"/>, run on <paramref name="backend"/>; the inputs are left as they are.
    /// </summary>
    /// <returns>The new parameters and the state one step on.</returns>
    /// <exception cref="ArgumentException">The gradients or the state do not match the parameters' length.</exception>
    public static (Params Parameters, OptimiserState State) Update(this Optimiser optimiser, IBackend<float> backend, Params parameters,
        ReadOnlySpan<float> gradients, OptimiserState state)
    {
        if (gradients.Length != parameters.Length) throw new ArgumentException($"{gradients.Length} gradients for {parameters.Length} parameters");
        if (state.Slots.Length != optimiser.StateSlots * parameters.Length)
            throw new ArgumentException($"{optimiser.Kind} needs {optimiser.StateSlots * parameters.Length} state values, got {state.Slots.Length}");
        var n = parameters.Length;
        using var theta = backend.Allocate(Math.Max(1, n));
        using var grad = backend.Allocate(Math.Max(1, n));
        using var slots = backend.Allocate(Math.Max(1, state.Slots.Length));
        using var decay = backend.Allocate(Math.Max(1, n));
        backend.Upload(parameters.Values, theta.All.Slice(0, n));
        backend.Upload(gradients, grad.All.Slice(0, n));
        backend.Upload(state.Slots, slots.All.Slice(0, state.Slots.Length));
        backend.Upload(parameters.Layout.DecayMask(), decay.All.Slice(0, n));
        backend.OptimiserStep(optimiser.Rule(state.Step + 1), theta.All.Slice(0, n), grad.All.Slice(0, n),
            state.Slots.Length == 0 ? default : slots.All.Slice(0, state.Slots.Length), decay.All.Slice(0, n));
        var newTheta = new float[n];
        var newSlots = new float[state.Slots.Length];
        backend.Download(theta.All.Slice(0, n), newTheta);
        backend.Download(slots.All.Slice(0, newSlots.Length), newSlots);
        return (Params.Own(parameters.Layout, newTheta), OptimiserState.Of(state.Step + 1, newSlots));
    }
}
