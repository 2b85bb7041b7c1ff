using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using Onnx;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Training;

namespace Pure.Core.Onnx;

/// <summary>
/// A trained predictor as one ONNX graph, a pure function of its inputs: the input standardisation (Sub, Div),
/// every layer of the tree (read from its <see cref="LayerSpec"/>, with its parameters and state found by their
/// layout names), and the output link (Sigmoid or Softmax), so the model outputs probabilities (or, for
/// regression, the value). The input <c>features</c> is [batch, n] with a dynamic batch; the output is
/// <c>probabilities</c> (or <c>prediction</c>) [batch, outputs]; the names go into <c>metadata_props</c>.
/// </summary>
public static class OnnxExport
{
    /// <summary>The opset written unless another is asked for: LayerNormalization needs 17.</summary>
    public const long DefaultOpset = 17;

    /// <summary>The opsets this exporter writes, with the IR version each needs.</summary>
    public static IReadOnlyDictionary<long, long> IrVersions { get; } = new Dictionary<long, long> { [17] = 8, [18] = 8, [19] = 9, [20] = 9, [21] = 10 };

    /// <summary>The graph input's name: the raw features, [batch, n] (the graph standardises them itself).</summary>
    public const string Input = "features";

    /// <summary>The output's name: probabilities for a classifier, the prediction for a regression.</summary>
    public static string Output(Loss loss) => loss.IsClassification ? "probabilities" : "prediction";

    /// <summary>The model, or an error naming the layer (or the opset) that has no ONNX form.</summary>
    public static Fin<ModelProto> Export(OnnxPredictor predictor, string producerVersion, long opset = DefaultOpset)
    {
        if (!IrVersions.TryGetValue(opset, out var ir))
            return Error.New($"opset {opset} is not one this exporter writes ({string.Join(", ", IrVersions.Keys)}; LayerNormalization needs 17)");
        var network = predictor.Network;
        if (predictor.Means.Count != network.InputWidth || predictor.StdDevs.Count != network.InputWidth)
            return Error.New($"standardisation for {predictor.Means.Count} features, the network takes {network.InputWidth}");
        var spec = LayerSpecs.Describe(network.Layer);
        if (spec.IsFail) return (Error)spec;
        var graph = new Graph(predictor);
        try
        {
            var x = graph.Node("Sub", [Input, graph.Constant("standardiser.mean", [.. predictor.Means], [network.InputWidth])]);
            x = graph.Node("Div", [x, graph.Constant("standardiser.std", [.. predictor.StdDevs], [network.InputWidth])]);
            x = graph.Layer((LayerSpec)spec, "", x, top: true);
            x = predictor.Loss.Link switch
            {
                OutputLink.Sigmoid => graph.Node("Sigmoid", [x]),
                OutputLink.Softmax => graph.Node("Softmax", [x], Graph.Int("axis", -1)),
                _ => x,
            };
            graph.Finish(x, Output(predictor.Loss));
        }
        catch (NotSupportedException e)
        {
            return Error.New(e.Message);
        }
        var model = new ModelProto
        {
            IrVersion = ir,
            ProducerName = "pure",
            ProducerVersion = producerVersion,
            Domain = "org.pure",
            DocString = $"{network.Plan.Name}; loss {predictor.Loss.Name}",
            Graph = graph.Proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        void Meta(string key, string value) => model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        Meta("feature_names", JsonSerializer.Serialize(predictor.FeatureNames));
        Meta("class_names", JsonSerializer.Serialize(predictor.ClassNames));
        Meta("label_name", predictor.LabelName);
        Meta("loss", predictor.Loss.Name);
        return model;
    }

    /// <summary>The graph being built: nodes in order, initialisers for the parameters, fresh tensor names.</summary>
    sealed class Graph
    {
        readonly OnnxPredictor predictor;
        int next;

        public Graph(OnnxPredictor predictor)
        {
            this.predictor = predictor;
            Proto = new GraphProto { Name = "pure" };
            Proto.Input.Add(Value(Input, predictor.Network.InputWidth));
        }

        public GraphProto Proto { get; }

        static ValueInfoProto Value(string name, long width)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
            return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
        }

        public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

        public static AttributeProto Float(string name, double value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = (float)value };

        public string Node(string op, string[] inputs, params AttributeProto[] attributes)
        {
            var output = $"{op.ToLowerInvariant()}_{next++}";
            var node = new NodeProto { OpType = op, Name = output };
            node.Input.Add(inputs);
            node.Output.Add(output);
            node.Attribute.Add(attributes);
            Proto.Node.Add(node);
            return output;
        }

        /// <summary>A float initialiser (a parameter or a constant) of the given shape.</summary>
        public string Constant(string name, float[] values, long[] dims)
        {
            var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
            tensor.Dims.Add(dims);
            tensor.FloatData.Add(values);
            Proto.Initializer.Add(tensor);
            return name;
        }

        string Scalar(double value) => Constant($"constant_{next++}", [(float)value], []);

        string Parameter(string name, bool matrix)
        {
            var layout = predictor.Network.Layout;
            var segment = layout.Find(name).Match(s => s, () => throw new NotSupportedException($"parameter '{name}' is not in the network's layout"));
            return Constant(name, predictor.Parameters[segment].ToArray(), matrix ? [segment.Rows, segment.Cols] : [segment.Length]);
        }

        string State(string name)
        {
            var segment = predictor.Network.StateLayout.Find(name).Match(s => s, () => throw new NotSupportedException($"state '{name}' is not in the network's layout"));
            return Constant(name, predictor.State[segment].ToArray(), [segment.Length]);
        }

        static double Number(LayerSpec spec, string name) => double.Parse(spec[name]!, CultureInfo.InvariantCulture);

        /// <summary>The layer's nodes after tensor <paramref name="x"/>; its parameters are named <paramref name="prefix"/> + their own names.</summary>
        public string Layer(LayerSpec spec, string prefix, string x, bool top = false)
        {
            switch (spec.Kind)
            {
                case "serial":
                    // the top-level serial's children are named 0., 1., …; a serial inside a residual body likewise below its prefix
                    for (var i = 0; i < spec.Children.Count; i++) x = Layer(spec.Children[i], $"{prefix}{i}.", x);
                    return x;
                case "dense":
                    string[] inputs = spec["bias"] == "true" ? [x, Parameter(prefix + "weight", true), Parameter(prefix + "bias", false)] : [x, Parameter(prefix + "weight", true)];
                    return Node("Gemm", inputs, Int("transB", 1));
                case "activation":
                    return Activation(spec, x);
                case "prelu":
                    return Node("PRelu", [x, Parameter(prefix + "slope", false)]);
                case "dropout":
                    return Node("Identity", [x]);
                case "softmax":
                    var t = Number(spec, "temperature");
                    return Node("Softmax", [t == 1 ? x : Node("Div", [x, Scalar(t)])], Int("axis", -1));
                case "layer-norm":
                    return Node("LayerNormalization", [x, Parameter(prefix + "weight", false), Parameter(prefix + "bias", false)], Int("axis", -1), Float("epsilon", Number(spec, "epsilon")));
                case "batch-norm":
                    return Node("BatchNormalization", [x, Parameter(prefix + "weight", false), Parameter(prefix + "bias", false), State(prefix + "running_mean"), State(prefix + "running_var")],
                        Float("epsilon", Number(spec, "epsilon")), Float("momentum", 1 - Number(spec, "momentum")));
                case "residual":
                    var body = Layer(spec.Children[0], prefix + "body.", x);
                    var skip = spec["project"] == "true" ? Node("Gemm", [x, Parameter(prefix + "skip.weight", true)], Int("transB", 1)) : x;
                    return Node("Add", [skip, body]);
                default:
                    throw new NotSupportedException($"layer {spec.Kind}{(top ? "" : $" at '{prefix.TrimEnd('.')}'")} has no ONNX form");
            }
        }

        /// <summary>Each catalogue activation as ONNX operators: the same function, written with the operators ONNX has.</summary>
        string Activation(LayerSpec spec, string x)
        {
            var id = spec["function"]!;
            double Alpha() => Number(spec, "alpha");
            switch (id)
            {
                case "identity": return Node("Identity", [x]);
                case "step": return Node("Cast", [Node("GreaterOrEqual", [x, Scalar(0)])], Int("to", (long)TensorProto.Types.DataType.Float));
                case "sigmoid": return Node("Sigmoid", [x]);
                case "tanh": return Node("Tanh", [x]);
                case "relu": return Node("Relu", [x]);
                case "leaky-relu": return Node("LeakyRelu", [x], Float("alpha", Alpha()));
                case "elu": return Node("Elu", [x], Float("alpha", Alpha()));
                // x·Φ(x) = x·½·(1 + erf(x/√2))
                case "gelu": return Node("Mul", [x, Node("Mul", [Scalar(0.5), Node("Add", [Scalar(1), Node("Erf", [Node("Div", [x, Scalar(Math.Sqrt(2))])])])])]);
                // x·σ(2√(2/π)·(x + 0.044715·x³)), the core's own form of ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
                case "gelu-tanh":
                    var cube = Node("Mul", [x, Node("Mul", [x, x])]);
                    return Node("Mul", [x, Node("Sigmoid", [Node("Mul", [Scalar(1.5957691216057308), Node("Add", [x, Node("Mul", [Scalar(0.044715), cube])])])])]);
                case "silu": return Node("Mul", [x, Node("Sigmoid", [x])]);
                case "softplus": return Node("Softplus", [x]);
                case "mish": return Node("Mul", [x, Node("Tanh", [Node("Softplus", [x])])]);
                case "hard-swish": return Node("HardSwish", [x]);
                default: throw new NotSupportedException($"activation {id} has no ONNX form");
            }
        }

        public void Finish(string x, string name)
        {
            var node = new NodeProto { OpType = "Identity", Name = name };
            node.Input.Add(x);
            node.Output.Add(name);
            Proto.Node.Add(node);
            Proto.Output.Add(Value(name, predictor.Network.OutputWidth));
        }
    }
}
