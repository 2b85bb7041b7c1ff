using System.CommandLine;
using System.Reflection;
using Google.Protobuf;
using Pure.Core.Onnx;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary>
/// <c>pure export MODEL --onnx FILE [--opset N]</c>: the saved predictor as one ONNX graph (the core's
/// <see cref="OnnxExport"/>), written to a temporary file and renamed into place; a model with a layer that has no
/// ONNX form is refused by name and nothing is written.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "model file written by pure train --save (safetensors)" };
        var onnx = new Option<string>("--onnx") { Description = "the ONNX file to write", Required = true };
        var opset = new Option<long>("--opset") { Description = $"ONNX opset ({string.Join(", ", OnnxExport.IrVersions.Keys)})", DefaultValueFactory = _ => OnnxExport.DefaultOpset };
        var command = new Command("export", "Export a saved model as ONNX: standardisation, every layer and the output link in one graph, for ONNX Runtime") { model, onnx, opset };
        command.SetAction(r => Run(r.GetValue(model)!, r.GetValue(onnx)!, r.GetValue(opset), r.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string modelPath, string onnxPath, long opset, TextWriter output)
    {
        // the target first: an empty or odd path is a usage error before it is compared with anything
        AtomicFile.CheckTarget("--onnx", onnxPath);
        DistinctFiles.Check([new("model", modelPath)], [new("--onnx", onnxPath)]);
        var saved = ModelFile.Load(modelPath);
        var network = saved.Network;
        var predictor = new OnnxPredictor(network, saved.Params, saved.State ?? network.InitialState(), saved.Loss, saved.Standardiser.Means.ToArray(),
            saved.Standardiser.StdDevs.ToArray(), saved.FeatureNames, saved.LabelName, saved.ClassNames);
        var version = typeof(ExportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var proto = OnnxExport.Export(predictor, version, opset).Match(m => m, e => throw new CliException($"{modelPath}: cannot export: {e.Message}"));
        var bytes = proto.ToByteArray();
        AtomicFile.Write(onnxPath, temporary => File.WriteAllBytes(temporary, bytes));
        output.WriteLine($"{onnxPath}: ONNX opset {opset}, {proto.Graph.Node.Count} nodes, input '{OnnxExport.Input}' [batch, {network.InputWidth}], " +
                         $"output '{OnnxExport.Output(saved.Loss)}' [batch, {network.OutputWidth}] ({bytes.Length:N0} bytes)");
        return ExitCodes.Ok;
    }
}
