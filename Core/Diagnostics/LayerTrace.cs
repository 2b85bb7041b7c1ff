using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Layers;
using Pure.Core.Tensors;
using Pure.Core.Training;

namespace Pure.Core.Diagnostics;

/// <summary>What one top-level layer of a network produced for a batch.</summary>
public sealed record LayerOutput(int Index, LayerPlan Plan, Matrix Output);

/// <summary>Runs a network layer by layer (evaluation mode) and keeps every intermediate output, for diagnostics.</summary>
public static class LayerTrace
{
    /// <summary>Every top-level layer's output for <paramref name="x"/>, with the network's state (its initial one unless given).</summary>
    public static Fin<IReadOnlyList<LayerOutput>> Of(IBackend<float> backend, Network network, Params parameters, Matrix x, LayerState? state = null)
    {
        var kept = state ?? network.InitialState();
        if (kept.Length != network.StateLayout.Length) return Error.New($"the network keeps {network.StateLayout.Length} state values, got {kept.Length}");
        if (x.Cols != network.InputWidth) return Error.New($"the data has {x.Cols} features, the network expects {network.InputWidth}");
        if (parameters.Length != network.Layout.Length) return Error.New($"the network has {network.Layout.Length} parameters, got {parameters.Length}");
        var plans = network.Plan.Children.Count > 0 ? network.Plan.Children : [network.Plan];
        var outputs = new List<LayerOutput>();
        var input = x;
        var (offset, stateOffset) = (0, 0);
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            int n = input.Rows, k = plan.ParamCount, s = plan.StateCount;
            using var sb = backend.Allocate(Math.Max(1, s));
            backend.Upload(kept.Values.Slice(stateOffset, s), sb.All.Slice(0, s));
            using var pb = backend.Allocate(Math.Max(1, k));
            using var xb = backend.Allocate(Math.Max(1, n * plan.InputWidth));
            using var ob = backend.Allocate(Math.Max(1, n * plan.OutputWidth));
            using var wb = backend.Allocate(Math.Max(1, plan.WorkspaceLength(n)));
            backend.Upload(parameters.Values.Slice(offset, k), pb.All.Slice(0, k));
            backend.Upload(input.Span, xb.All.Slice(0, input.Length));
            plan.Forward(backend, new ForwardPass<float>(n, xb.All.Slice(0, input.Length), ob.All.Slice(0, n * plan.OutputWidth), pb.All.Slice(0, k), wb.All, Mode.Evaluate, default, sb.All.Slice(0, s)));
            var values = new float[n * plan.OutputWidth];
            backend.Download(ob.All.Slice(0, values.Length), values);
            input = Matrix.From(n, plan.OutputWidth, values).Match(m => m, e => throw new InvalidOperationException(e.Message));
            outputs.Add(new LayerOutput(i, plan, input));
            offset += k;
            stateOffset += s;
        }
        return outputs;
    }
}
