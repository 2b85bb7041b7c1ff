using Pure.Core.Backends;

namespace Pure.Properties;

/// <summary>
/// A reference value and the scale of the rounding error a correct kernel may make on top of |Value|:
/// Σ|terms| of the sum it comes from, or the size of the intermediates that cancel in it.
/// </summary>
public readonly record struct Expected(double Value, double Magnitude = 0);

/// <summary>
/// The backend operations as naive loops in double precision, written from the doc comments of
/// <see cref="IBackend{T}"/>, the losses and the optimisers, never from the kernels: the oracle of the
/// conformance suite. Matrices are row-major arrays, as on the backend.
/// </summary>
public static partial class ScalarReference
{
    public static Expected[] Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        double A(int i, int p) => transA == Transpose.No ? a[i * k + p] : a[p * m + i];
        double B(int p, int j) => transB == Transpose.No ? b[p * n + j] : b[j * k + p];
        var result = new Expected[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var (sum, size) = (0.0, 0.0);
                for (var p = 0; p < k; p++)
                {
                    sum += A(i, p) * B(p, j);
                    size += Math.Abs(A(i, p) * B(p, j));
                }
                // β = 0 never reads C: 0·NaN would be NaN
                var old = beta == 0 ? 0 : beta * c[i * n + j];
                result[i * n + j] = new(alpha * sum + old, Math.Abs(alpha) * size + Math.Abs(old));
            }
        return result;
    }

    public static Expected[] AddRowVector(double[] x, int rows, int cols, double[] bias)
    {
        var result = new Expected[rows * cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                result[r * cols + c] = new(x[r * cols + c] + bias[c], Math.Abs(x[r * cols + c]) + Math.Abs(bias[c]));
        return result;
    }

    public static Expected[] SumRows(double[] x, int rows, int cols, double beta, double[] destination)
    {
        var result = new Expected[cols];
        for (var c = 0; c < cols; c++)
        {
            var old = beta == 0 ? 0 : beta * destination[c];
            var (sum, size) = (old, Math.Abs(old));
            for (var r = 0; r < rows; r++)
            {
                sum += x[r * cols + c];
                size += Math.Abs(x[r * cols + c]);
            }
            result[c] = new(sum, size);
        }
        return result;
    }

    /// <summary>
    /// a = f(z) for an activation. Kernels form f from O(1) intermediates (1 ± e^(2z) for tanh), so an error
    /// of one rounding of 1 is allowed: float tanh from TensorPrimitives gives −6e-8 at 0.
    /// </summary>
    public static Expected[] Activation(double[] z, Func<double, double> f) => z.Select(v => new Expected(f(v), 1)).ToArray();

    /// <summary>dz = da·f′(z); |da| covers kernels that form f′ from a rounded a (1 − a², a + α).</summary>
    public static Expected[] Backward(double[] z, double[] da, Func<double, double> derivative) =>
        z.Select((v, i) => new Expected(da[i] * derivative(v), Math.Abs(da[i]))).ToArray();

    public static Expected[] PReluForward(double[] z, int rows, int cols, double[] slope)
    {
        var result = new Expected[rows * cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var v = z[r * cols + c];
                result[r * cols + c] = new(v > 0 ? v : slope[c] * v);
            }
        return result;
    }

    public static (Expected[] Dz, Expected[] DSlope) PReluBackward(double[] z, int rows, int cols, double[] slope, double[] da)
    {
        var dz = new Expected[rows * cols];
        var (ds, size) = (new double[cols], new double[cols]);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var i = r * cols + c;
                dz[i] = new(z[i] > 0 ? da[i] : slope[c] * da[i]);
                ds[c] += da[i] * Math.Min(z[i], 0);
                size[c] += Math.Abs(da[i] * Math.Min(z[i], 0));
            }
        return (dz, ds.Select((v, c) => new Expected(v, size[c])).ToArray());
    }

    /// <summary>softmax(z/T) per row; an argument error of one rounding in x = (z − max)/T is a relative error |x| in e^x.</summary>
    public static Expected[] Softmax(double[] z, int rows, int cols, double temperature)
    {
        var result = new Expected[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            var row = z.AsSpan(r * cols, cols);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            var sum = 0.0;
            foreach (var v in row) sum += Math.Exp((v - max) / temperature);
            for (var c = 0; c < cols; c++)
            {
                var x = (row[c] - max) / temperature;
                var p = Math.Exp(x) / sum;
                result[r * cols + c] = new(p, p * (1 + Math.Abs(x)));
            }
        }
        return result;
    }

    public static Expected[] SoftmaxBackward(double[] a, int rows, int cols, double temperature, double[] da)
    {
        var result = new Expected[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            var (dot, size) = (0.0, 0.0);
            for (var c = 0; c < cols; c++)
            {
                dot += da[r * cols + c] * a[r * cols + c];
                size += Math.Abs(da[r * cols + c] * a[r * cols + c]);
            }
            for (var c = 0; c < cols; c++)
            {
                var (p, g) = (a[r * cols + c], da[r * cols + c]);
                result[r * cols + c] = new(p * (g - dot) / temperature, Math.Abs(p) * (Math.Abs(g) + size) / Math.Abs(temperature));
            }
        }
        return result;
    }

    /// <summary>Entry i is 1/keep when the key's i-th uniform is below keep, else 0.</summary>
    public static Expected[] DropoutMask(Rng rng, double keep, int n) =>
        Enumerable.Range(0, n).Select(i => new Expected(rng.Uniform((ulong)i) < keep ? 1 / keep : 0)).ToArray();

    public static Expected[] Multiply(double[] x, double[] y) => x.Select((v, i) => new Expected(v * y[i])).ToArray();

    public static Expected[] Add(double[] x, double[] y) => x.Select((v, i) => new Expected(v + y[i], Math.Abs(v) + Math.Abs(y[i]))).ToArray();

    public static double[] GatherRows(double[] source, int cols, int[] rows) =>
        rows.SelectMany(r => source.Skip(r * cols).Take(cols)).ToArray();

    /// <summary>
    /// The mean loss and its gradient, per the doc comments of <see cref="LossKind"/> (BCE as PyTorch's BCELoss:
    /// logs clamped at −100, the gradient's denominator at 1e-12). A log contributes an absolute error of about
    /// one rounding, hence the +1s in the magnitudes.
    /// </summary>
    public static (Expected Value, Expected[] Gradient) Loss(LossKind kind, double[] o, double[] y, int rows, int cols)
    {
        var n = rows * cols;
        var gradient = new Expected[n];
        var (total, size) = (0.0, 0.0);
        switch (kind)
        {
            case LossKind.MeanSquaredError:
                for (var i = 0; i < n; i++)
                {
                    var d = o[i] - y[i];
                    total += d * d;
                    size += d * d;
                    gradient[i] = new(2 * d / n, 2 * (Math.Abs(o[i]) + Math.Abs(y[i])) / n);
                }
                return (new(total / n, size / n), gradient);
            case LossKind.BinaryCrossEntropy:
                for (var i = 0; i < n; i++)
                {
                    var p = Math.Clamp(o[i], 0, 1);
                    var (logP, log1mP) = (Math.Max(Math.Log(p), -100), Math.Max(Math.Log(1 - p), -100));
                    total -= y[i] * logP + (1 - y[i]) * log1mP;
                    size += Math.Abs(y[i]) * (Math.Abs(logP) + 1) + Math.Abs(1 - y[i]) * (Math.Abs(log1mP) + 1);
                    var denominator = Math.Max(p * (1 - p), 1e-12);
                    gradient[i] = new((p - y[i]) / denominator / n, (p + Math.Abs(y[i])) / denominator / n);
                }
                return (new(total / n, size / n), gradient);
            case LossKind.BceWithLogits:
                for (var i = 0; i < n; i++)
                {
                    var z = o[i];
                    var soft = Math.Log(1 + Math.Exp(-Math.Abs(z)));
                    total += Math.Max(z, 0) - z * y[i] + soft;
                    size += Math.Max(z, 0) + Math.Abs(z * y[i]) + soft + 1;
                    var sigma = 1 / (1 + Math.Exp(-z));
                    gradient[i] = new((sigma - y[i]) / n, (sigma + Math.Abs(y[i])) / n);
                }
                return (new(total / n, size / n), gradient);
            case LossKind.SoftmaxCrossEntropy:
                for (var r = 0; r < rows; r++)
                {
                    var z = o.AsSpan(r * cols, cols);
                    var t = y.AsSpan(r * cols, cols);
                    var max = double.NegativeInfinity;
                    foreach (var v in z) max = Math.Max(max, v);
                    var sum = 0.0;
                    foreach (var v in z) sum += Math.Exp(v - max);
                    var lse = max + Math.Log(sum);
                    var mass = 0.0;
                    for (var c = 0; c < cols; c++)
                    {
                        total += t[c] * (lse - z[c]);
                        size += Math.Abs(t[c]) * (Math.Abs(lse) + Math.Abs(z[c]) + 1);
                        mass += t[c];
                    }
                    for (var c = 0; c < cols; c++)
                    {
                        var p = Math.Exp(z[c] - lse);
                        gradient[r * cols + c] = new((p * mass - t[c]) / rows, (p * Math.Abs(mass) * (1 + Math.Abs(z[c]) + Math.Abs(lse)) + Math.Abs(t[c])) / rows);
                    }
                }
                return (new(total / rows, size / rows), gradient);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "the scalar reference has no formula for this loss yet");
        }
    }

    /// <summary>
    /// An optimiser's reference: how many state vectors of the parameters' length it keeps, and one step
    /// (step, θ, g, state, decay) → expected θ′ and state′. Inputs are not modified.
    /// </summary>
    public sealed record Rule(string Name, int Slots, Func<int, double[], double[], double[], double[], (Expected[] Theta, Expected[] State)> Step)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// Any optimiser's own definition (<see cref="OptimiserKind.Reference"/>, double precision), with magnitudes
    /// from the values before and after the step: the rounding of a float kernel scales with those.
    /// </summary>
    public static Rule Definition(Optimiser o) => new($"{o.Kind.Id} (its definition)", o.StateSlots, (step, theta, grad, state, decay) =>
    {
        var (t, s) = (theta.ToArray(), state.ToArray());
        o.Kind.Reference(o.Rule(step), t, grad, s, decay);
        // the same step on the magnitudes: a sum like g + λ₂θ that cancels in the step does not cancel there,
        // so its change bounds how far the float kernel's rounding can carry
        double[] Abs(double[] v) => v.Select(Math.Abs).ToArray();
        var (ta, sa) = (Abs(theta), Abs(state));
        o.Kind.Reference(o.Rule(step), ta, Abs(grad), sa, decay);
        static Expected[] Around(double[] before, double[] after, double[] beforeAbs, double[] afterAbs) =>
            after.Select((v, i) => new Expected(v, Math.Abs(before[i]) + 8 * Math.Max(Math.Abs(v - before[i]), Math.Abs(afterAbs[i] - beforeAbs[i])))).ToArray();
        return (Around(theta, t, Abs(theta), ta), Around(state, s, Abs(state), sa));
    });

    /// <summary>How many rows name the same class (one column: ≥ 0.5 is class 1; more: the first largest column).</summary>
    public static int CountCorrect(double[] predictions, double[] targets, int rows, int cols)
    {
        int ClassOf(double[] m, int r)
        {
            if (cols == 1) return m[r] >= 0.5 ? 1 : 0;
            var best = 0;
            for (var c = 1; c < cols; c++) if (m[r * cols + c] > m[r * cols + best]) best = c;
            return best;
        }
        return Enumerable.Range(0, rows).Count(r => ClassOf(predictions, r) == ClassOf(targets, r));
    }

    /// <summary>θ ← θ − η·(g + λ₂·d·θ).</summary>
    public static Rule Sgd(double lr, double l2) => new($"sgd(η {lr:G4}, L2 {l2:G4})", 0, (_, theta, grad, _, decay) =>
    {
        var next = theta.Select((w, i) =>
        {
            var penalty = l2 * decay[i] * w;
            return new Expected(w - lr * (grad[i] + penalty), Math.Abs(w) + lr * (Math.Abs(grad[i]) + Math.Abs(penalty)));
        }).ToArray();
        return (next, []);
    });

    /// <summary>v ← μ·v + g′; θ ← θ − η·v (heavy ball) or θ − η·(g′ + μ·v) (Nesterov), g′ = g + λ₂·d·θ.</summary>
    public static Rule Momentum(double lr, double mu, double l2, bool nesterov) =>
        new($"{(nesterov ? "nesterov" : "momentum")}(η {lr:G4}, μ {mu:G4}, L2 {l2:G4})", 1, (_, theta, grad, state, decay) =>
        {
            var n = theta.Length;
            var (next, velocity) = (new Expected[n], new Expected[n]);
            for (var i = 0; i < n; i++)
            {
                var g = grad[i] + l2 * decay[i] * theta[i];
                var gSize = Math.Abs(grad[i]) + Math.Abs(l2 * decay[i] * theta[i]);
                var v = mu * state[i] + g;
                var vSize = Math.Abs(mu * state[i]) + gSize;
                velocity[i] = new(v, vSize);
                next[i] = nesterov
                    ? new(theta[i] - lr * (g + mu * v), Math.Abs(theta[i]) + lr * (gSize + mu * vSize))
                    : new(theta[i] - lr * v, Math.Abs(theta[i]) + lr * vSize);
            }
            return (next, velocity);
        });

    /// <summary>
    /// θ ← θ − η·λ·d·θ (AdamW's decoupled decay, λ = 0 for Adam); g′ = g + λ₂·d·θ; m ← β₁m + (1−β₁)g′;
    /// v ← β₂v + (1−β₂)g′²; θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). State is [m | v].
    /// </summary>
    public static Rule Adam(double lr, double beta1, double beta2, double epsilon, double l2, double weightDecay) =>
        new($"{(weightDecay == 0 ? "adam" : "adamw")}(η {lr:G4}, β {beta1:G4}/{beta2:G4}, ε {epsilon:G4}, L2 {l2:G4}, λ {weightDecay:G4})", 2,
            (step, theta, grad, state, decay) =>
            {
                var n = theta.Length;
                var (next, slots) = (new Expected[n], new Expected[2 * n]);
                var (c1, c2) = (1 - Math.Pow(beta1, step), 1 - Math.Pow(beta2, step));
                for (var i = 0; i < n; i++)
                {
                    var w = theta[i] - lr * weightDecay * decay[i] * theta[i];
                    var g = grad[i] + l2 * decay[i] * w;
                    var gSize = Math.Abs(grad[i]) + Math.Abs(l2 * decay[i] * w);
                    var m = beta1 * state[i] + (1 - beta1) * g;
                    var mSize = Math.Abs(beta1 * state[i]) + (1 - beta1) * gSize;
                    var v = beta2 * state[n + i] + (1 - beta2) * g * g;
                    var vSize = Math.Abs(beta2 * state[n + i]) + (1 - beta2) * gSize * gSize;
                    slots[i] = new(m, mSize);
                    slots[n + i] = new(v, vSize);
                    var denominator = Math.Sqrt(v / c2) + epsilon;
                    next[i] = new(w - lr * (m / c1) / denominator, Math.Abs(theta[i]) + lr * (mSize / c1) / denominator);
                }
                return (next, slots);
            });
}
