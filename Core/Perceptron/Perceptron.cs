using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Data;
using static LanguageExt.Prelude;

namespace Pure.Core.Perceptron;

/// <summary>
/// Rosenblatt's perceptron (1958): one linear unit with the Heaviside step H(z) = 1 for z ≥ 0, else 0, trained
/// online, one example at a time, changing the weights only on a mistake:
/// <list type="bullet">
/// <item>labels {0, 1}: w ← w + η(y − ŷ)x, b ← b + η(y − ŷ), with ŷ = H(w·x + b);</item>
/// <item>labels {−1, +1}: if y ≠ 2H(w·x + b) − 1 then w ← w + ηyx, b ← b + ηy.</item>
/// </list>
/// An epoch without a mistake ends training: the weights then classify every example correctly. Novikoff (1962)
/// bounds the mistakes on separable data by (R/γ)² (<see cref="NovikoffBound"/>); on data that are not separable it
/// never stops, and in the fixed row order the weights eventually repeat (<see cref="WeightCycle"/>).
/// </summary>
public static class Perceptron
{
    /// <summary>
    /// Trains on <paramref name="data"/> (one target column of class indices 0/1), in double precision. An error
    /// value for no rows or input columns, labels other than 0/1, non-finite inputs, a learning rate that is not a
    /// positive finite number, fewer than one epoch, or a random start without a positive scale.
    /// </summary>
    public static Fin<PerceptronResult> Train(Dataset data, PerceptronOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var problem = Validate(data) ?? Validate(options);
        if (problem is not null) return Error.New($"perceptron: {problem}");

        var (rows, width) = (data.Rows, data.InputWidth);
        var y = new int[rows];
        for (var i = 0; i < rows; i++) y[i] = (int)data.Targets[i, 0];
        var start = options.Start.Draw(width + 1);
        var w = start[..width];
        var b = options.UseBias ? start[width] : 0.0;
        var eta = options.LearningRate;

        var errors = new List<int>();
        var accuracy = new List<double>();
        var updates = 0;
        Option<int> convergedAt = None;
        Option<WeightCycle> cycle = None;
        var order = Enumerable.Range(0, rows).ToArray();
        var cycles = new CycleFinder(w, b);

        for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            options.ShuffleEachEpoch.IfSome(key => key.Fold((ulong)epoch).Permutation(order));
            var mistakes = 0;
            foreach (var i in order)
            {
                var x = data.Features.Row(i);
                var predicted = Step(Net(w, b, x));
                if (predicted == y[i]) continue; // in the ±1 coding too: 2H(z) − 1 ≠ 2y − 1 exactly when H(z) ≠ y
                var delta = options.Labels == PerceptronLabels.ZeroOne
                    ? eta * (y[i] - predicted)   // η(y − ŷ), y, ŷ ∈ {0, 1}
                    : eta * (2 * y[i] - 1);      // ηy, y ∈ {−1, +1}
                for (var j = 0; j < width; j++) w[j] += delta * x[j];
                if (options.UseBias) b += delta;
                mistakes++;
            }
            updates += mistakes;
            errors.Add(mistakes);
            accuracy.Add(Accuracy(data, y, w, b));
            if (mistakes == 0)
            {
                convergedAt = epoch;
                break;
            }
            // Only the fixed order makes an epoch a function of the weights alone, so only then is a repeat a cycle.
            if (cycle.IsNone && options.ShuffleEachEpoch.IsNone) cycle = cycles.Next(epoch, w, b);
        }

        var separation = convergedAt.Map(_ => new NovikoffBound(Separability.Radius(data, options.UseBias), MarginOf(data, w, b)));
        return new PerceptronResult(w, b, errors, accuracy, updates, convergedAt, cycle, separation, options);
    }

    /// <summary>H(z): 1 for z ≥ 0 (so H(0) = 1), else 0.</summary>
    public static int Step(double z) => z >= 0 ? 1 : 0;

    /// <summary>w·x + b in double precision.</summary>
    public static double Net(IReadOnlyList<double> weights, double bias, ReadOnlySpan<float> x)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != x.Length) throw new ArgumentException($"{weights.Count} weights for {x.Length} inputs", nameof(x));
        var z = bias;
        for (var j = 0; j < x.Length; j++) z += weights[j] * x[j];
        return z;
    }

    /// <summary>Why <paramref name="data"/> cannot be given to a perceptron, or null when it can.</summary>
    internal static string? Validate(Dataset data)
    {
        if (data.Rows == 0) return "the data have no rows";
        if (data.InputWidth == 0) return "the data have no input columns";
        if (data.TargetWidth != 1) return $"expected one target column of class indices 0/1, got {data.TargetWidth} columns";
        for (var i = 0; i < data.Rows; i++)
        {
            var label = data.Targets[i, 0];
            if (label is not (0f or 1f)) return $"row {i}: label {label} is not a class index 0 or 1 (a perceptron separates two classes)";
            var x = data.Features.Row(i);
            for (var j = 0; j < x.Length; j++)
                if (!float.IsFinite(x[j])) return $"row {i}, column {j}: {x[j]} is not a finite number";
        }
        return null;
    }

    static string? Validate(PerceptronOptions options) =>
        !(options.LearningRate > 0 && double.IsFinite(options.LearningRate)) ? FormattableString.Invariant($"the learning rate must be a positive finite number, got {options.LearningRate}")
        : options.MaxEpochs < 1 ? $"needs at least one epoch, got {options.MaxEpochs}"
        : !Enum.IsDefined(options.Labels) ? $"unknown label coding {options.Labels}"
        : options.Start is null ? "no start given"
        : !options.Start.IsZeros && !(options.Start.Scale > 0 && double.IsFinite(options.Start.Scale)) ? FormattableString.Invariant($"a random start needs a positive finite scale, got {options.Start.Scale}")
        : null;

    /// <summary>γ = minᵢ yᵢ(w·xᵢ + b)/‖(w, b)‖ over valid data (labels ±1); 0 when w and b are all zero.</summary>
    internal static double MarginOf(Dataset data, IReadOnlyList<double> weights, double bias)
    {
        var norm2 = bias * bias;
        foreach (var v in weights) norm2 += v * v;
        if (norm2 == 0) return 0;
        var worst = double.PositiveInfinity;
        for (var i = 0; i < data.Rows; i++)
            worst = Math.Min(worst, (data.Targets[i, 0] == 1 ? 1 : -1) * Net(weights, bias, data.Features.Row(i)));
        return worst / Math.Sqrt(norm2);
    }

    static double Accuracy(Dataset data, int[] y, double[] w, double b)
    {
        var correct = 0;
        for (var i = 0; i < data.Rows; i++)
            if (Step(Net(w, b, data.Features.Row(i))) == y[i]) correct++;
        return (double)correct / data.Rows;
    }

    /// <summary>
    /// Brent's cycle finding (1980) over the weights at the ends of epochs: keep one checkpoint, compare each new
    /// state with it, and move it to the current state whenever the distance reaches the next power of two. A
    /// repeat is found within a few periods after the cycle starts, with O(1) memory, however many epochs run.
    /// </summary>
    sealed class CycleFinder(double[] weights, double bias)
    {
        double[] checkpoint = [.. weights, bias];
        int checkpointEpoch, power = 1, distance;

        public Option<WeightCycle> Next(int epoch, double[] w, double b)
        {
            if (b == checkpoint[^1] && w.AsSpan().SequenceEqual(checkpoint.AsSpan(0, w.Length)))
                return new WeightCycle(epoch, checkpointEpoch);
            if (++distance == power)
            {
                checkpoint = [.. w, b];
                checkpointEpoch = epoch;
                power *= 2;
                distance = 0;
            }
            return None;
        }
    }
}
