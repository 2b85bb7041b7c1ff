using Pure.Core.Layers;
using Pure.Core.Training;

namespace Pure.Core.Diagnostics;

/// <summary>One row of a network's summary: where the layer sits (its parameters' prefix), what it is, its output width, and what it owns (its children's included).</summary>
public sealed record SummaryRow(int Depth, string Path, string Layer, int OutputWidth, int Parameters, int State);

/// <summary>
/// A network's layers as a table, Keras's <c>model.summary()</c>: one row per layer of the top-level serial, and
/// below a residual block the rows of its body (and of its projection), indented. Each row's parameter and state
/// counts are its subtree's, so the top-level rows add up to the network's totals.
/// </summary>
public static class NetworkSummary
{
    /// <summary>The summary rows of <paramref name="network"/>, top to bottom.</summary>
    public static IReadOnlyList<SummaryRow> Of(Network network)
    {
        var rows = new List<SummaryRow>();
        if (network.Plan is SerialLayer) Children(network.Plan, "", 0, rows);
        else Add(network.Plan, "", 0, rows);
        return rows;
    }

    static void Children(LayerPlan serial, string prefix, int depth, List<SummaryRow> rows)
    {
        for (var i = 0; i < serial.Children.Count; i++) Add(serial.Children[i], $"{prefix}{i}", depth, rows);
    }

    static void Add(LayerPlan plan, string path, int depth, List<SummaryRow> rows)
    {
        var name = plan switch
        {
            ResidualLayer { Children.Count: 2 } => "residual (projected skip)",
            ResidualLayer => "residual",
            SerialLayer => "serial",
            _ => plan.Name,
        };
        rows.Add(new SummaryRow(depth, path, name, plan.OutputWidth, plan.ParamCount, plan.StateCount));
        switch (plan)
        {
            case ResidualLayer residual:
                var body = residual.Children[0];
                var bodyPath = path.Length == 0 ? "body" : $"{path}.body";
                if (body is SerialLayer) Children(body, bodyPath + ".", depth + 1, rows);
                else Add(body, bodyPath, depth + 1, rows);
                if (residual.Children.Count == 2) rows.Add(new SummaryRow(depth + 1, path.Length == 0 ? "skip" : $"{path}.skip", "dense, no bias", plan.OutputWidth, residual.Children[1].ParamCount, 0));
                break;
            case SerialLayer:
                Children(plan, path.Length == 0 ? "" : $"{path}.", depth + 1, rows);
                break;
        }
    }
}
