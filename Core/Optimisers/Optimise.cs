using Pure.Core.Backends.Cpu;
using Pure.Core.Training;

namespace Pure.Core.Optimisers;

/// <summary>The optimiser as a pure transition on values: (θ, g, state) → (θ′, state′), computed by the CPU kernel on copies.</summary>
public static class Optimise
{
    public static (Params Parameters, OptimiserState State) Update(this Optimiser optimiser, Params parameters, ReadOnlySpan<float> gradients, OptimiserState state)
    {
        if (gradients.Length != parameters.Length) throw new ArgumentException($"{gradients.Length} gradients for {parameters.Length} parameters");
        if (state.Slots.Length != optimiser.StateSlots * parameters.Length)
            throw new ArgumentException($"{optimiser.Kind} needs {optimiser.StateSlots * parameters.Length} state values, got {state.Slots.Length}");
        using var backend = new CpuBackend<float>();
        var n = parameters.Length;
        using var theta = backend.Allocate(n);
        using var grad = backend.Allocate(n);
        using var slots = backend.Allocate(Math.Max(1, state.Slots.Length));
        using var decay = backend.Allocate(n);
        backend.Upload(parameters.Values, theta.All);
        backend.Upload(gradients, grad.All);
        backend.Upload(state.Slots, slots.All.Slice(0, state.Slots.Length));
        backend.Upload(parameters.Layout.DecayMask(), decay.All);
        backend.OptimiserStep(optimiser, state.Step + 1, theta.All, grad.All, state.Slots.Length == 0 ? default : slots.All.Slice(0, state.Slots.Length), decay.All);
        var newTheta = new float[n];
        var newSlots = new float[state.Slots.Length];
        backend.Download(theta.All, newTheta);
        backend.Download(slots.All.Slice(0, newSlots.Length), newSlots);
        return (Params.Own(parameters.Layout, newTheta), new OptimiserState(state.Step + 1, newSlots));
    }
}
