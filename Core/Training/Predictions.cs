using Pure.Core.Backends;
using Pure.Core.Losses;

namespace Pure.Core.Training;

/// <summary>The output link applied on the backend: raw outputs become predictions where they already are.</summary>
static class Predictions
{
    /// <summary>In place: σ elementwise for <see cref="OutputLink.Sigmoid"/>, a stable softmax per row for <see cref="OutputLink.Softmax"/>.</summary>
    public static void ApplyLink(IBackend<float> backend, OutputLink link, View<float> outputs, int rows, int cols)
    {
        switch (link)
        {
            case OutputLink.Sigmoid: backend.ActivationForward(Activations.Activation.Sigmoid, outputs, outputs); break;
            case OutputLink.Softmax: backend.SoftmaxForward(outputs, rows, cols, 1f, outputs); break;
        }
    }
}
