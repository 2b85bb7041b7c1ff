using System.CommandLine;
using System.Globalization;
using Pure.Core.Diagnostics;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary><c>pure summary MODEL</c>: the saved network's layers, output widths, parameters and state (what <c>pure train --summary</c> prints before training).</summary>
public static class SummaryCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "model or checkpoint file written by pure train (safetensors)" };
        var command = new Command("summary", "Show a saved model's layers: output width, parameters and state per layer, and the totals") { model };
        command.SetAction(r =>
        {
            var path = r.GetValue(model)!;
            var saved = ModelFile.Load(path);
            var output = r.InvocationConfiguration.Output;
            output.WriteLine($"{path}: {saved.Inputs} input{(saved.Inputs == 1 ? "" : "s")} ({Listing.Few(saved.FeatureNames)}), loss {saved.Loss}");
            Write(saved.Network, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The table: one line per layer (nested layers indented), then the totals.</summary>
    public static void Write(Network network, TextWriter output)
    {
        var rows = NetworkSummary.Of(network);
        static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
        string Label(SummaryRow r) => $"{new string(' ', 2 * r.Depth)}{(r.Path.Length == 0 ? "" : r.Path + " ")}{r.Layer}";
        var width = Math.Max(5, rows.Max(r => Label(r).Length));
        output.WriteLine($"{"layer".PadRight(width)}  {"output",7}  {"parameters",11}  {"state",7}");
        foreach (var r in rows)
            output.WriteLine($"{Label(r).PadRight(width)}  {r.OutputWidth,7}  {N(r.Parameters),11}  {(r.State == 0 ? "" : N(r.State)),7}".TrimEnd());
        var state = network.StateLayout.Length;
        output.WriteLine($"total: {N(network.Layout.Length)} parameters ({N(network.Layout.Length * sizeof(float))} bytes)" +
                         (state == 0 ? "" : $", {N(state)} state values (running statistics; not trained)") + $"; {network.InputWidth} → {network.OutputWidth}");
    }
}
