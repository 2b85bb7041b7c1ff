using System.Globalization;
using System.Text;

namespace Pure.Core.Perceptron;

/// <summary>The set w·x + b = 0: a linear decision boundary, class 1 on the side w points to (and on the set itself).</summary>
public sealed record Hyperplane(IReadOnlyList<double> Weights, double Bias)
{
    /// <summary>
    /// The equation over the given input names with six significant digits, e.g. <c>2·x1 + 1·x2 − 3 = 0</c>; every
    /// weight is written, zeros included, and the constant is left out when <paramref name="withBias"/> is false.
    /// </summary>
    public string Equation(IReadOnlyList<string> names, bool withBias = true)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count != Weights.Count) throw new ArgumentException($"{names.Count} names for {Weights.Count} weights", nameof(names));
        var text = new StringBuilder();
        for (var j = 0; j < Weights.Count; j++)
            text.Append(j == 0 ? (Weights[j] < 0 ? "−" : "") : (Weights[j] < 0 ? " − " : " + "))
                .Append(Magnitude(Weights[j])).Append('·').Append(names[j]);
        if (withBias) text.Append(Bias < 0 ? " − " : " + ").Append(Magnitude(Bias));
        return text.Append(" = 0").ToString();
    }

    /// <summary>The equation over inputs named x1, x2, ….</summary>
    public string Equation(bool withBias = true) => Equation(DefaultNames(Weights.Count), withBias);

    /// <summary>x1, x2, …, xn.</summary>
    public static IReadOnlyList<string> DefaultNames(int count) => Enumerable.Range(1, count).Select(i => $"x{i}").ToArray();

    static string Magnitude(double v) => Math.Abs(v).ToString("G6", CultureInfo.InvariantCulture);
}
