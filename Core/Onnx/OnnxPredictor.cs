using Pure.Core.Losses;
using Pure.Core.Training;

namespace Pure.Core.Onnx;

/// <summary>
/// Everything a predictor needs, as ONNX will hold it: the network with its parameters and state, the loss (whose
/// link turns the outputs into probabilities), the input standardisation, and the names that go into the model's
/// metadata.
/// </summary>
public sealed record OnnxPredictor(
    Network Network, Params Parameters, LayerState State, Loss Loss,
    IReadOnlyList<float> Means, IReadOnlyList<float> StdDevs,
    IReadOnlyList<string> FeatureNames, string LabelName, IReadOnlyList<string> ClassNames);
