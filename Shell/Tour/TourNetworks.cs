using Pure.Shell.Cli;

namespace Pure.Shell.Tour;

/// <summary>Small helpers the topics share: build stacks, fit, and unwrap the core's result values.</summary>
static class TourNetworks
{
    public static T Ok<T>(this LanguageExt.Fin<T> value) => value.Match(v => v, e => throw new CliException(e.Message, ExitCodes.Failed));

    /// <summary>depth × (Dense(width) → f) then a linear output.</summary>
    public static Layer Stack(int depth, int width, Layer activation, Initialiser init, int outputs = 1, Initialiser? bias = null)
    {
        var layers = new List<Layer>();
        for (var i = 0; i < depth; i++)
        {
            layers.Add(Layers.Dense(width, init, bias));
            layers.Add(activation);
        }
        layers.Add(Layers.Dense(outputs, Inits.Xavier));
        return Layers.Serial(layers);
    }

    public static Model Fit(TourContext context, Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs, int batch, long seed,
        Action<EpochProgress>? onEpoch = null) =>
        TryFit(context, layer, data, loss, optimiser, epochs, batch, seed, onEpoch).Ok();

    /// <summary>The fit, or why it failed (a run that diverges, say): for topics that report divergence as a finding.</summary>
    public static LanguageExt.Fin<Model> TryFit(TourContext context, Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs, int batch, long seed,
        Action<EpochProgress>? onEpoch = null) =>
        Train.Fit(layer, data, loss, optimiser, epochs, batch, seed, context.Backend, onEpoch);

    public static double Accuracy(TourContext context, Model model, Dataset data) => model.Accuracy(data.Features, data.Targets, context.Backend).Ok();

    public static Dataset Moons(TourContext context, int n = 300, double noise = 0.2) =>
        Generators.Moons(n, noise, context.Rng.Fold(100));

    public static Matrix Normal(Rng rng, int rows, int cols) => Matrix.Create(rows, cols, rng, static (dst, r) => r.FillNormal(0f, 1f, dst));
}
