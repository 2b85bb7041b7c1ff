using Pure.Core.Perceptron;

namespace Pure.Shell.Tour;

/// <summary>Without a bias every boundary passes through the origin, so AND on {0,1} is out of reach.</summary>
public sealed class BiasTopic : ITourTopic
{
    public string Name => "bias";
    public string Title => "Why a bias: a boundary through the origin cannot separate AND";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var and = Generators.And();
        var without = Perceptron.Train(and, PerceptronOptions.Default with { UseBias = false }).Ok();
        var with = Perceptron.Train(and, PerceptronOptions.Default).Ok();
        // H(w·0) = H(0) = 1 whatever w is: the origin is always classed 1, but AND(0, 0) = 0.
        var originWrongEveryEpoch = without.ErrorsPerEpoch.All(e => e > 0) && without.Predict([0f, 0f]) == 1;
        report.Table("AND, zero start, η = 1, at most 100 epochs", ["perceptron", "converged", "updates", "boundary", "prediction for (0, 0)"],
        [
            ["without a bias", without.Converged ? "yes" : $"no (after {without.Epochs})", Fmt.I(without.Updates), without.Boundary, Fmt.I(without.Predict([0f, 0f]))],
            ["with a bias", with.ConvergedAtEpoch.Match(e => $"epoch {e}", () => "no"), Fmt.I(with.Updates), with.Boundary, Fmt.I(with.Predict([0f, 0f]))],
        ]).Note("Without a bias w·(0, 0) = 0 and H(0) = 1 for every w: the point (0, 0), labelled 0, is wrong in every epoch.")
            .Measure("without_bias_converged", without.Converged ? 1 : 0)
            .Measure("with_bias_converged", with.Converged ? 1 : 0)
            .Measure("origin_wrong_every_epoch", originWrongEveryEpoch ? 1 : 0);
        return report;
    }
}
