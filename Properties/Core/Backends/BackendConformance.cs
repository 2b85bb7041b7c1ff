using System.Numerics;
using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Every <see cref="IBackend{T}"/> operation against <see cref="ScalarReference"/> (naive loops in double) on
/// generated shapes, written once: a backend is put under test by one derived class (see CpuConformance.cs).
/// Operands sit at random offsets inside bigger buffers filled with junk, destinations start as NaN where
/// the operation overwrites them, and every case checks that nothing outside the destination window moved
/// and that the inputs are unchanged.
/// </summary>
/// <param name="tolerance">Relative error allowed per unit of magnitude; 128 ulps of 1 by default
/// (1.5e-5 for float, 2.8e-14 for double).</param>
public abstract class BackendConformance<T>(IBackend<T> backend, double? tolerance = null, bool shared = false) : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected IBackend<T> Backend { get; } = backend;

    /// <summary>The spacing of T at 1 (2⁻²³ for float, 2⁻⁵² for double).</summary>
    static readonly double Ulp = D(T.BitIncrement(T.One) - T.One);

    /// <summary>T's smallest normal number: results below it may be flushed to zero.</summary>
    static readonly double Tiny = D(T.Epsilon) / Ulp;

    protected double Tolerance { get; } = tolerance ?? 128 * Ulp;

    // The definitions the suite iterates; the only places that name the catalogues, so a new activation,
    // loss or optimiser is checked as soon as it is listed there.

    /// <summary>Every activation, plus non-default α so a kernel that ignores α fails.</summary>
    static IEnumerable<Activation> Activations => [.. Activation.All, Activation.LeakyRelu(0.2), Activation.Elu(0.5)];

    static IEnumerable<LossKind> Losses => Enum.GetValues<LossKind>();

    /// <summary>
    /// Every optimiser kind against its own double-precision definition (so a new kind is checked as soon as
    /// it is listed), and the five classic ones also against independent oracles written from their papers.
    /// Hyper-parameters are drawn and rounded to T so both sides see the same numbers.
    /// </summary>
    static IEnumerable<(Optimiser Rule, ScalarReference.Rule Reference)> Optimisers(Draws d)
    {
        var (lr, mu, l2) = (Round(d.Uniform(0.001, 0.3)), Round(d.Uniform(0, 0.99)), Round(d.Uniform(0.001, 0.2)));
        // ε large enough to matter, β₂ sometimes far from 1 so that bias correction and the second moment matter too
        var (b1, b2, eps, wd) = (Round(d.Uniform(0.5, 0.99)), Round(d.Pick(0.999, d.Uniform(0.5, 0.99))), Round(d.Uniform(1e-3, 0.3)), Round(d.Uniform(0.01, 0.5)));
        return
        [
            (Optimiser.Sgd(lr, l2), ScalarReference.Sgd(lr, l2)),
            (Optimiser.WithMomentum(lr, mu, l2), ScalarReference.Momentum(lr, mu, l2, nesterov: false)),
            (Optimiser.Nesterov(lr, mu, l2), ScalarReference.Momentum(lr, mu, l2, nesterov: true)),
            (Optimiser.Adam(lr, b1, b2, eps, l2), ScalarReference.Adam(lr, b1, b2, eps, l2, weightDecay: 0)),
            (Optimiser.AdamW(lr, wd, b1, b2, eps), ScalarReference.Adam(lr, b1, b2, eps, l2: 0, weightDecay: wd)),
            .. OptimiserKind.All.Select(kind => kind.Create(lr) with { Momentum = mu, Beta1 = b1, Beta2 = b2, Epsilon = eps, L2 = l2, WeightDecay = wd })
                .Select(o => (o, ScalarReference.Definition(o))),
        ];
    }


    static readonly (Transpose A, Transpose B)[] Transposes =
        [(Transpose.No, Transpose.No), (Transpose.No, Transpose.Yes), (Transpose.Yes, Transpose.No), (Transpose.Yes, Transpose.Yes)];

    [SeededProperty]
    public void Upload_and_download_round_trip_through_any_window(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var window = Place(d, Normal(d, n, 100));
        var values = Normal(d, n);
        Backend.Upload(Of(values), window.View);
        Same($"{Name} upload/download of {n} at {window.View.Offset}", Read(window), Rounded(values));
        var (start, length) = SubWindow(d, n);
        var part = new T[length];
        Backend.Download(window.View.Slice(start, length), part);
        Same($"{Name} download of [{start}, {start + length}) of {n} at {window.View.Offset}", Doubles(part), Rounded(values).AsSpan(start, length).ToArray());
        Assert.Equal(window.Initial.Length, window.View.Buffer.Length);
    }

    [SeededProperty]
    public void Copy_moves_exactly_the_source_window(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var values = Normal(d, n);
        var shared = d.Below(2) == 0;
        Placed source, destination;
        if (shared)
        {
            // both windows in one buffer, apart by a gap: reading the destination also checks the source did not move
            var gap = d.Pick(0, 1, 5);
            var both = Place(d, [.. values, .. NaNs(gap + n)]);
            (source, destination) = (both.Window(0, n), both.Window(n + gap, n));
        }
        else (source, destination) = (Place(d, values), Place(d, NaNs(n)));
        Backend.Copy(source.View, destination.View);
        Same($"{Name} copy of {n} from {source.View.Offset} to {destination.View.Offset}", Read(destination), source.Values);
        if (!shared) Unchanged(source, "copy source");
    }

    [SeededProperty]
    public void Fill_sets_exactly_the_window(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var window = Place(d, Normal(d, n));
        var value = Round(d.Normal(10));
        Backend.Fill(T.CreateTruncating(value), window.View);
        Same($"{Name} fill of {n} at {window.View.Offset} with {value}", Read(window), Enumerable.Repeat(value, n).ToArray());
    }

    [SeededProperty]
    public void Gemm_matches_the_naive_product_for_every_transpose(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (m, n, k) = Shape3(d);
        Each($"gemm m {m} n {n} k {k}", Transposes, t =>
        {
            var (ta, tb) = t;
            var alpha = Round(d.Pick(1.0, 0.0, d.Uniform(-2, 2)));
            var beta = Round(d.Pick(0.0, 1.0, d.Uniform(-2, 2)));
            var a = Place(d, Normal(d, m * k));
            var b = Place(d, Normal(d, k * n));
            // β = 0 must ignore C's old contents, NaN included
            var c = Place(d, beta == 0 ? NaNs(m * n) : Normal(d, m * n));
            var expected = ScalarReference.Gemm(ta, tb, m, n, k, alpha, a.Values, b.Values, beta, c.Values);
            Backend.Gemm(ta, tb, m, n, k, T.CreateTruncating(alpha), a.View, b.View, T.CreateTruncating(beta), c.View);
            var what = $"{Name} gemm {ta}/{tb} m {m} n {n} k {k} α {alpha} β {beta}";
            Near(what, Read(c), expected);
            Unchanged(a, what + " A");
            Unchanged(b, what + " B");
        });
    }

    [SeededProperty]
    public void AddRowVector_adds_the_bias_to_every_row_also_in_place(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var x = Place(d, Normal(d, rows * cols));
        var bias = Place(d, Normal(d, cols));
        var expected = ScalarReference.AddRowVector(x.Values, rows, cols, bias.Values);
        var what = $"{Name} add-row-vector {rows}×{cols}";
        var destination = Place(d, NaNs(rows * cols));
        Backend.AddRowVector(x.View, rows, cols, bias.View, destination.View);
        Near(what, Read(destination), expected);
        Unchanged(x, what + " x");
        var inPlace = Place(d, x.Values);
        Backend.AddRowVector(inPlace.View, rows, cols, bias.View, inPlace.View);
        Near(what + " in place", Read(inPlace), expected);
        Unchanged(bias, what + " bias");
    }

    [SeededProperty]
    public void SumRows_adds_the_column_sums_to_beta_times_the_destination(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var beta = Round(d.Pick(0.0, 1.0, d.Uniform(-2, 2)));
        var x = Place(d, Normal(d, rows * cols));
        var destination = Place(d, beta == 0 ? NaNs(cols) : Normal(d, cols));
        var expected = ScalarReference.SumRows(x.Values, rows, cols, beta, destination.Values);
        Backend.SumRows(x.View, rows, cols, T.CreateTruncating(beta), destination.View);
        var what = $"{Name} sum-rows {rows}×{cols} β {beta}";
        Near(what, Read(destination), expected);
        Unchanged(x, what + " x");
    }

    [SeededProperty]
    public void Every_activation_forward_equals_its_scalar_value_also_in_place(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        Each($"forward of {n}", Activations, f =>
        {
            var z = Place(d, Awkward(d, n));
            var expected = ScalarReference.Activation(z.Values, f.Value);
            var a = Place(d, NaNs(n));
            Backend.ActivationForward(f, z.View, a.View);
            Near($"{Name} {f} forward of {n}", Read(a), expected);
            Unchanged(z, $"{f} forward z");
            var inPlace = Place(d, z.Values);
            Backend.ActivationForward(f, inPlace.View, inPlace.View);
            Near($"{Name} {f} forward of {n} in place", Read(inPlace), expected);
        });
    }

    /// <summary>Issue 12: the fused dense epilogue leaves z + bias in z and f(z + bias) in a, for every activation.</summary>
    [SeededProperty]
    public void Every_activation_fused_with_the_bias_equals_the_bias_add_then_the_activation(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        Each($"bias + activation {rows}×{cols}", Activations, f =>
        {
            var x = Awkward(d, rows * cols);
            var bias = Place(d, Normal(d, cols));
            var z = Place(d, x);
            var shifted = ScalarReference.AddRowVector(x, rows, cols, bias.Values).Select(e => e.Value).ToArray();
            var a = Place(d, NaNs(rows * cols));
            Backend.BiasActivationForward(f, z.View, rows, cols, bias.View, a.View);
            var what = $"{Name} {f} fused with the bias, {rows}×{cols}";
            Near(what + " z", Read(z), ScalarReference.AddRowVector(x, rows, cols, bias.Values));
            // f of the float sum the backend stored, as the unfused pair computes it
            Near(what + " a", Read(a), ScalarReference.Activation(Read(z), f.Value));
            Unchanged(bias, what + " bias");
            // and bit for bit the backend's own unfused pair, so a network computes the same numbers fused or not
            var (z2, a2) = (Place(d, x), Place(d, NaNs(rows * cols)));
            Backend.AddRowVector(z2.View, rows, cols, bias.View, z2.View);
            Backend.ActivationForward(f, z2.View, a2.View);
            Same(what + " against the unfused pair", Read(a), Read(a2));
        });
    }

    [SeededProperty]
    public void Every_activation_backward_equals_its_scalar_derivative_also_in_place(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        Each($"backward of {n}", Activations, f =>
        {
            var z = Place(d, Awkward(d, n));
            var a = Place(d, z.Values.Select(f.Value).ToArray());
            var da = Place(d, Normal(d, n));
            var expected = ScalarReference.Backward(z.Values, da.Values, f.Derivative);
            var what = $"{Name} {f} backward of {n}";
            var dz = Place(d, NaNs(n));
            Backend.ActivationBackward(f, z.View, a.View, da.View, dz.View);
            Near(what, Read(dz), expected);
            var inPlace = Place(d, da.Values);
            Backend.ActivationBackward(f, z.View, a.View, inPlace.View, inPlace.View);
            Near(what + " in place (dz = da)", Read(inPlace), expected);
            Unchanged(z, what + " z");
            Unchanged(a, what + " a");
            Unchanged(da, what + " da");
        });
    }

    [SeededProperty]
    public void PRelu_forward_and_backward_match_the_definition(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var z = Place(d, Awkward(d, rows * cols));
        var slope = Place(d, Enumerable.Range(0, cols).Select(_ => d.Uniform(-0.5, 1.5)).ToArray());
        var da = Place(d, Normal(d, rows * cols));
        var what = $"{Name} prelu {rows}×{cols}";
        var a = Place(d, NaNs(rows * cols));
        Backend.PReluForward(z.View, rows, cols, slope.View, a.View);
        Near(what + " forward", Read(a), ScalarReference.PReluForward(z.Values, rows, cols, slope.Values));
        var (expectedDz, expectedSlope) = ScalarReference.PReluBackward(z.Values, rows, cols, slope.Values, da.Values);
        var (dz, dSlope) = (Place(d, NaNs(rows * cols)), Place(d, NaNs(cols)));
        Backend.PReluBackward(z.View, rows, cols, slope.View, da.View, dz.View, dSlope.View);
        Near(what + " dz", Read(dz), expectedDz);
        Near(what + " dslope", Read(dSlope), expectedSlope);
        // a first PReLU layer passes no dz (PReluLayer, InputGradient default): the slope gradient alone
        var alone = Place(d, NaNs(cols));
        Backend.PReluBackward(z.View, rows, cols, slope.View, da.View, default, alone.View);
        Near(what + " dslope without dz", Read(alone), expectedSlope);
        Unchanged(z, what + " z");
        Unchanged(slope, what + " slope");
        Unchanged(da, what + " da");
    }

    [SeededProperty]
    public void Softmax_forward_is_the_stable_tempered_softmax_also_in_place(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var temperature = Temperature(d);
        var z = Place(d, Logits(d, rows, cols));
        var expected = ScalarReference.Softmax(z.Values, rows, cols, temperature);
        var what = $"{Name} softmax {rows}×{cols} T {temperature}";
        var a = Place(d, NaNs(rows * cols));
        Backend.SoftmaxForward(z.View, rows, cols, T.CreateTruncating(temperature), a.View);
        var p = Read(a);
        Near(what, p, expected);
        for (var r = 0; r < rows && cols > 0; r++)
        {
            var (sum, bound) = (0.0, 0.0);
            for (var c = r * cols; c < (r + 1) * cols; c++)
            {
                sum += p[c];
                bound += Tolerance * (expected[c].Value + expected[c].Magnitude) + Tiny;
            }
            Assert.True(Math.Abs(sum - 1) <= bound, $"{what}: row {r} sums to {sum:R}");
        }
        Unchanged(z, what + " z");
        var inPlace = Place(d, z.Values);
        Backend.SoftmaxForward(inPlace.View, rows, cols, T.CreateTruncating(temperature), inPlace.View);
        Near(what + " in place", Read(inPlace), expected);
    }

    [SeededProperty]
    public void Softmax_backward_is_the_jacobian_vector_product(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var temperature = Temperature(d);
        var probabilities = ScalarReference.Softmax(Logits(d, rows, cols), rows, cols, temperature).Select(e => e.Value).ToArray();
        var a = Place(d, probabilities);
        var da = Place(d, Normal(d, rows * cols));
        var dz = Place(d, NaNs(rows * cols));
        Backend.SoftmaxBackward(a.View, rows, cols, T.CreateTruncating(temperature), da.View, dz.View);
        var what = $"{Name} softmax backward {rows}×{cols} T {temperature}";
        Near(what, Read(dz), ScalarReference.SoftmaxBackward(a.Values, rows, cols, temperature, da.Values));
        Unchanged(a, what + " a");
        Unchanged(da, what + " da");
    }

    /// <summary>The mask is the scalar draw per entry and repeats for the same key; the output is x ⊙ mask, written in the same pass.</summary>
    [SeededProperty]
    public void Dropout_mask_is_the_scalar_draw_per_entry_and_repeats_for_the_same_key(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var keep = Round(d.Pick(1.0, 0.5, d.Uniform(0.05, 0.95)));
        var key = d.Key();
        var x = Place(d, Normal(d, n));
        var mask = Place(d, NaNs(n));
        var y = Place(d, NaNs(n));
        Backend.DropoutForward(key, T.CreateTruncating(keep), x.View, mask.View, y.View);
        var first = Read(mask);
        var what = $"{Name} dropout of {n} at {mask.View.Offset}, keep {keep}";
        var expected = ScalarReference.DropoutMask(key, keep, n);
        Near(what + " mask", first, expected);
        Near(what + " output", Read(y), ScalarReference.Multiply(x.Values, expected.Select(e => e.Value).ToArray()));
        Unchanged(x, what + " x");
        var again = Place(d, NaNs(n));
        Backend.DropoutForward(key, T.CreateTruncating(keep), x.View, again.View, Place(d, NaNs(n)).View);
        Same(what + " drawn again", Read(again), first);
    }

    /// <summary>Data off-centre and at several scales, so that a kernel that skips the mean, or sums in float, shows it.</summary>
    static double[] Shifted(Draws d, int n)
    {
        var (scale, shift) = (d.Pick(1.0, 0.1, 10.0), d.Pick(0.0, 3.0, -50.0));
        return Normal(d, n, scale).Select(v => v + shift).ToArray();
    }

    [SeededProperty]
    public void Normalize_forward_matches_the_definition_per_row_and_per_column(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var (axis, fromBatch) = (d.Pick(NormAxis.PerRow, NormAxis.PerColumn), d.Pick(true, false));
        var groups = axis == NormAxis.PerRow ? rows : cols;
        var epsilon = Round(d.Pick(1e-5, 0.1));
        var x = Place(d, Shifted(d, rows * cols));
        var (gamma, beta) = (Place(d, Normal(d, cols)), Place(d, Normal(d, cols)));
        var mean = Place(d, fromBatch ? NaNs(groups) : Shifted(d, groups));
        var variance = Place(d, fromBatch ? NaNs(groups) : Enumerable.Range(0, groups).Select(_ => d.Uniform(0, 4)).ToArray());
        var (h, y) = (Place(d, NaNs(rows * cols)), Place(d, NaNs(rows * cols)));
        var what = $"{Name} normalize {axis} {(fromBatch ? "from the batch" : "from given statistics")} {rows}×{cols} ε {epsilon:G3}";
        Backend.NormalizeForward(axis, fromBatch, x.View, rows, cols, T.CreateTruncating(epsilon), gamma.View, beta.View, mean.View, variance.View, h.View, y.View);
        var expected = ScalarReference.Normalize(axis, x.Values, rows, cols, epsilon, gamma.Values, beta.Values,
            fromBatch ? null : mean.Values, fromBatch ? null : variance.Values);
        if (fromBatch)
        {
            Near(what + " mean", Read(mean), expected.Mean);
            Near(what + " variance", Read(variance), expected.Variance);
        }
        else
        {
            Unchanged(mean, what + " mean");
            Unchanged(variance, what + " variance");
        }
        Near(what + " x̂", Read(h), expected.Normalised);
        Near(what + " y", Read(y), expected.Y);
        Unchanged(x, what + " x");
        Unchanged(gamma, what + " γ");
        Unchanged(beta, what + " β");
    }

    [SeededProperty]
    public void Normalize_backward_matches_the_definition_per_row_and_per_column(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (rows, cols) = Shape2(d);
        var (axis, fromBatch) = (d.Pick(NormAxis.PerRow, NormAxis.PerColumn), d.Pick(true, false));
        var groups = axis == NormAxis.PerRow ? rows : cols;
        var epsilon = Round(d.Pick(1e-5, 0.1));
        var h = Place(d, Normal(d, rows * cols));
        var variance = Place(d, Enumerable.Range(0, groups).Select(_ => d.Uniform(0, 4)).ToArray());
        var (gamma, dy) = (Place(d, Normal(d, cols)), Place(d, Normal(d, rows * cols)));
        var (dx, dGamma, dBeta) = (Place(d, NaNs(rows * cols)), Place(d, NaNs(cols)), Place(d, NaNs(cols)));
        var what = $"{Name} normalize backward {axis} {(fromBatch ? "from the batch" : "from given statistics")} {rows}×{cols}";
        Backend.NormalizeBackward(axis, fromBatch, h.View, variance.View, rows, cols, T.CreateTruncating(epsilon), gamma.View, dy.View, dx.View, dGamma.View, dBeta.View);
        var expected = ScalarReference.NormalizeBackward(axis, fromBatch, h.Values, variance.Values, rows, cols, epsilon, gamma.Values, dy.Values);
        Near(what + " dx", Read(dx), expected.Dx);
        Near(what + " dγ", Read(dGamma), expected.DGamma);
        Near(what + " dβ", Read(dBeta), expected.DBeta);
        // a first layer asks for no dx: the affine gradients alone
        var (aloneGamma, aloneBeta) = (Place(d, NaNs(cols)), Place(d, NaNs(cols)));
        Backend.NormalizeBackward(axis, fromBatch, h.View, variance.View, rows, cols, T.CreateTruncating(epsilon), gamma.View, dy.View, default, aloneGamma.View, aloneBeta.View);
        Near(what + " dγ without dx", Read(aloneGamma), expected.DGamma);
        Near(what + " dβ without dx", Read(aloneBeta), expected.DBeta);
        foreach (var (input, name) in new[] { (h, "x̂"), (variance, "σ²"), (gamma, "γ"), (dy, "dy") }) Unchanged(input, $"{what} {name}");
    }

    [SeededProperty]
    public void Running_statistics_move_by_the_momentum_with_the_unbiased_variance(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var cols = Size(d);
        var count = d.Pick(0, 1, 2, 3, 17, 64);
        var momentum = Round(d.Pick(0.1, d.Uniform(0, 1)));
        var (mean, variance) = (Place(d, Normal(d, cols)), Place(d, Enumerable.Range(0, cols).Select(_ => d.Uniform(0, 4)).ToArray()));
        var (runningMean, runningVariance) = (Place(d, Normal(d, cols)), Place(d, Enumerable.Range(0, cols).Select(_ => d.Uniform(0, 4)).ToArray()));
        var what = $"{Name} running statistics of {cols} after {count} rows, momentum {momentum:G3}";
        Backend.UpdateRunningStatistics(mean.View, variance.View, count, T.CreateTruncating(momentum), runningMean.View, runningVariance.View);
        var expected = ScalarReference.RunningStatistics(mean.Values, variance.Values, count, momentum, runningMean.Values, runningVariance.Values);
        Near(what + " mean", Read(runningMean), expected.Mean);
        Near(what + " variance", Read(runningVariance), expected.Variance);
        Unchanged(mean, what + " batch mean");
        Unchanged(variance, what + " batch variance");
    }

    [SeededProperty]
    public void The_l1_gradient_adds_lambda_times_the_sign_where_the_mask_is_set(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var theta = Place(d, Enumerable.Range(0, n).Select(_ => d.Pick(0.0, d.Normal(1))).ToArray());
        var mask = Place(d, Enumerable.Range(0, n).Select(_ => d.Pick(0.0, 1.0)).ToArray());
        var g = Place(d, Normal(d, n));
        var lambda = Round(d.Uniform(0, 0.5));
        var expected = Enumerable.Range(0, n).Select(i => new Expected(g.Values[i] + lambda * mask.Values[i] * Math.Sign(theta.Values[i]), Math.Abs(g.Values[i]) + lambda)).ToArray();
        var what = $"{Name} L1 gradient of {n}, λ {lambda:G3}";
        Backend.AddL1Gradient(theta.View, mask.View, T.CreateTruncating(lambda), g.View);
        Near(what, Read(g), expected);
        Unchanged(theta, what + " θ");
        Unchanged(mask, what + " mask");
    }

    [SeededProperty]
    public void Clipping_scales_a_gradient_above_the_norm_and_leaves_one_below_it(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var g = Place(d, Normal(d, n, d.Pick(1e-3, 1.0, 100.0)));
        var maxNorm = Round(d.Uniform(0.1, 10));
        var what = $"{Name} clip {n} to a norm of {maxNorm:G4}";
        var expected = ScalarReference.ClipByGlobalNorm(g.Values, maxNorm);
        Backend.ClipByGlobalNorm(g.View, T.CreateTruncating(maxNorm));
        if (expected is null) Unchanged(g, what);
        else Near(what, Read(g), expected);
    }

    [SeededProperty]
    public void Multiply_and_add_are_elementwise_into_a_third_view_or_either_input(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var x = Place(d, Awkward(d, n));
        var y = Place(d, Awkward(d, n));
        (string, Action<View<T>, View<T>, View<T>>, Expected[])[] operations =
        [
            ("multiply", Backend.Multiply, ScalarReference.Multiply(x.Values, y.Values)),
            ("add", Backend.Add, ScalarReference.Add(x.Values, y.Values)),
        ];
        foreach (var (name, operation, expected) in operations)
        {
            var what = $"{Name} {name} of {n}";
            var destination = Place(d, NaNs(n));
            operation(x.View, y.View, destination.View);
            Near(what, Read(destination), expected);
            Unchanged(x, what + " x");
            Unchanged(y, what + " y");
            var intoX = Place(d, x.Values);
            operation(intoX.View, y.View, intoX.View);
            Near(what + " into x", Read(intoX), expected);
            var intoY = Place(d, y.Values);
            operation(x.View, intoY.View, intoY.View);
            Near(what + " into y", Read(intoY), expected);
        }
    }

    [SeededProperty]
    public void Every_loss_value_and_gradient_match_the_naive_formula(Seed seed)
    {
        var d = new Draws(seed.Rng);
        Each("loss", Losses, kind =>
        {
            var (rows, cols) = Shape2(d, least: 1);
            var (outputs, targets) = LossPoint(kind, d, rows, cols);
            var (o, y) = (Place(d, outputs), Place(d, targets));
            var (value, gradient) = ScalarReference.Loss(kind, o.Values, y.Values, rows, cols);
            var what = $"{Name} {kind} {rows}×{cols}";
            var g = Place(d, NaNs(rows * cols));
            var withGradient = Backend.Loss(kind, o.View, y.View, rows, cols, g.View);
            Near(what + " value", [D(withGradient)], [value]);
            Near(what + " gradient", Read(g), gradient);
            // an empty gradient view asks for the value alone: the default view (as the core passes it) or a 0-length window
            Near(what + " value without gradient", [D(Backend.Loss(kind, o.View, y.View, rows, cols, default))], [value]);
            var empty = Place(d, []);
            Near(what + " value with a 0-length gradient", [D(Backend.Loss(kind, o.View, y.View, rows, cols, empty.View))], [value]);
            Unchanged(empty, what + " 0-length gradient");
            // LossInto leaves on the backend, at an offset, the bits Loss returns, and the same gradient
            var (result, g2) = (Place(d, NaNs(3)), Place(d, NaNs(rows * cols)));
            Backend.LossInto(kind, o.View, y.View, rows, cols, g2.View, result.View.Slice(1, 1));
            var kept = Read(result);
            Same(what + " value kept on the backend", [kept[1]], [D(withGradient)]);
            Assert.True(double.IsNaN(kept[0]) && double.IsNaN(kept[2]), $"{what}: LossInto wrote outside its slot");
            Same(what + " gradient beside the kept value", Read(g2), Read(g));
            Unchanged(o, what + " output");
            Unchanged(y, what + " target");
        });
    }

    [SeededProperty]
    public void Every_optimiser_step_matches_the_naive_update_for_three_steps(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        Each($"optimiser step on {n}", Optimisers(d), o =>
        {
            var (rule, reference) = o;
            var theta = Place(d, Normal(d, n));
            // as the core does: no state view for a stateless optimiser, zeros before the first step
            var state = reference.Slots == 0 ? null : Place(d, new double[reference.Slots * n]);
            var decay = Place(d, Enumerable.Range(0, n).Select(_ => (double)d.Below(2)).ToArray());
            for (var step = 1; step <= 3; step++)
            {
                var grad = Place(d, Awkward(d, n));
                var (before, slots) = (Read(theta), state is null ? [] : Read(state));
                var expected = reference.Step(step, before, grad.Values, slots, decay.Values);
                Backend.OptimiserStep(rule.Rule(step), theta.View, grad.View, state?.View ?? default, decay.View);
                var what = $"{Name} {reference} on {n}, step {step}";
                Near(what + " θ", Read(theta), expected.Theta);
                if (state is not null) Near(what + " state", Read(state), expected.State);
                Unchanged(grad, what + " gradient");
                Unchanged(decay, what + " decay mask");
            }
        });
    }

    /// <summary>
    /// An update is elementwise: the whole vector in one call (vector lanes and a tail) gives, bit for bit, what
    /// each element gives alone. A vectorised kernel that fused or reordered an operation would differ here.
    /// </summary>
    [SeededProperty]
    public void Every_optimiser_step_of_a_vector_equals_each_element_updated_alone(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = d.Pick(17, 33, 65);
        Each($"optimiser step on {n}", Optimisers(d), o =>
        {
            var (rule, reference) = o;
            var slots = reference.Slots;
            var (theta0, grad, decay) = (Normal(d, n), Awkward(d, n), Enumerable.Range(0, n).Select(_ => (double)d.Below(2)).ToArray());
            var state0 = Normal(d, slots * n).Select(Math.Abs).ToArray(); // second moments must not be negative
            var (theta, state) = (Place(d, theta0), slots == 0 ? null : Place(d, state0));
            var (g, mask) = (Place(d, grad), Place(d, decay));
            Backend.OptimiserStep(rule.Rule(2), theta.View, g.View, state?.View ?? default, mask.View);
            var (whole, wholeState) = (Read(theta), state is null ? [] : Read(state));
            for (var i = 0; i < n; i++)
            {
                var one = Place(d, [theta0[i]]);
                var oneState = slots == 0 ? null : Place(d, Enumerable.Range(0, slots).Select(s => state0[s * n + i]).ToArray());
                Backend.OptimiserStep(rule.Rule(2), one.View, Place(d, [grad[i]]).View, oneState?.View ?? default, Place(d, [decay[i]]).View);
                var what = $"{Name} {reference} element {i} of {n}";
                Assert.True(Read(one)[0].Equals(whole[i]), $"{what}: θ {Read(one)[0]:R} alone, {whole[i]:R} in the vector");
                for (var s = 0; s < slots; s++)
                    Assert.True(Read(oneState!)[s].Equals(wholeState[s * n + i]), $"{what}: state slot {s} differs");
            }
        });
    }

    [SeededProperty]
    public void AllFinite_is_false_exactly_when_the_window_holds_a_NaN_or_an_infinity(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var n = Size(d);
        var values = Normal(d, n, 1e30);
        if (n > 0 && d.Below(2) == 0) values[d.Below(n)] = d.Pick(double.NaN, double.PositiveInfinity, double.NegativeInfinity);
        // the junk around the window never counts: Place surrounds it with finite numbers, here also with a NaN
        var x = Place(d, [double.NaN, .. values, double.NaN]).Window(1, n);
        var what = $"{Name} all finite of {n}";
        Assert.True(values.All(double.IsFinite) == Backend.AllFinite(x.View), what);
        Unchanged(x, what);
    }

    [SeededProperty]
    public void CountCorrect_counts_the_rows_whose_class_matches_the_target(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var rows = Size(d);
        var cols = d.Pick(1, 2, 3, 17);
        // few distinct values: ties for the first-largest rule and values on the 0.5 threshold
        var predictions = Place(d, Enumerable.Range(0, rows * cols).Select(_ => d.Pick(0.0, 0.25, 0.5, 0.5, 0.75, 1.0, d.Uniform(0, 1))).ToArray());
        var targets = Place(d, cols == 1
            ? Enumerable.Range(0, rows).Select(_ => (double)d.Below(2)).ToArray()
            : Enumerable.Range(0, rows).SelectMany(_ => { var row = new double[cols]; row[d.Below(cols)] = 1; return row; }).ToArray());
        var what = $"{Name} count correct of {rows}×{cols}";
        Assert.True(ScalarReference.CountCorrect(predictions.Values, targets.Values, rows, cols) == Backend.CountCorrect(predictions.View, targets.View, rows, cols), what);
        Unchanged(predictions, what + " predictions");
        Unchanged(targets, what + " targets");
    }

    [SeededProperty]
    public void GatherRows_copies_the_indexed_rows_in_order(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (count, cols, sourceRows) = Shape3(d);
        sourceRows = Math.Max(1, sourceRows);
        var source = Place(d, Normal(d, sourceRows * cols));
        var indices = Enumerable.Range(0, count).Select(_ => d.Below(sourceRows)).ToArray();
        var destination = Place(d, NaNs(count * cols));
        Backend.GatherRows(source.View, cols, indices, destination.View);
        var what = $"{Name} gather {count} of {sourceRows}×{cols}";
        Same(what, Read(destination), ScalarReference.GatherRows(source.Values, cols, indices));
        Unchanged(source, what + " source");
    }

    [SeededProperty]
    public void GatherOneHot_writes_the_one_hot_row_of_each_indexed_class(Seed seed)
    {
        var d = new Draws(seed.Rng);
        var (count, classes, sourceRows) = Shape3(d);
        (classes, sourceRows) = (Math.Max(1, classes), Math.Max(1, sourceRows));
        var labels = Enumerable.Range(0, sourceRows).Select(_ => (double)d.Below(classes)).ToArray();
        var source = Place(d, labels);
        var indices = Enumerable.Range(0, count).Select(_ => d.Below(sourceRows)).ToArray();
        var destination = Place(d, NaNs(count * classes));
        Backend.GatherOneHot(source.View, indices, classes, destination.View);
        var what = $"{Name} one-hot of {count} rows from {sourceRows} labels of {classes} classes";
        var expected = indices.SelectMany(r => Enumerable.Range(0, classes).Select(c => c == (int)labels[r] ? 1.0 : 0.0)).ToArray();
        Same(what, Read(destination), expected);
        Unchanged(source, what + " source");
    }

    // ---------- Generation ----------

    /// <summary>The sizes every dimension is drawn from: empty, one, odd, and past the usual vector widths.</summary>
    static readonly int[] Sizes = [0, 1, 3, 17, 65, 257];

    const int Small = 4; // Sizes[..Small] are at most 17

    /// <summary>Dimensions from <see cref="Sizes"/>, each at least <paramref name="least"/>; at most one is above 17, so products stay below 257·17².</summary>
    static int[] Shape(Draws d, int count, int least)
    {
        var big = d.Below(count + 1);
        return Enumerable.Range(0, count).Select(i =>
        {
            var pool = (i == big ? Sizes : Sizes[..Small]).Where(s => s >= least).ToArray();
            return pool[d.Below(pool.Length)];
        }).ToArray();
    }

    static int Size(Draws d) => Sizes[d.Below(Sizes.Length)];

    static (int, int) Shape2(Draws d, int least = 0)
    {
        var s = Shape(d, 2, least);
        return (s[0], s[1]);
    }

    static (int, int, int) Shape3(Draws d)
    {
        var s = Shape(d, 3, 0);
        return (s[0], s[1], s[2]);
    }

    static (int Start, int Length) SubWindow(Draws d, int n)
    {
        var start = d.Below(n + 1);
        return (start, d.Below(n - start + 1));
    }

    static double[] Normal(Draws d, int n, double scale = 1) => Enumerable.Range(0, n).Select(_ => d.Normal(scale)).ToArray();

    static double[] NaNs(int n) => Enumerable.Repeat(double.NaN, n).ToArray();

    /// <summary>Mostly N(0, 2²), with exact zeros (kinks and ties) and magnitudes up to 40 (saturation).</summary>
    static double[] Awkward(Draws d, int n) => Enumerable.Range(0, n).Select(_ => d.Below(8) switch
    {
        0 => 0,
        1 => d.Pick(-1.0, 1.0) * d.Uniform(8, 40),
        _ => d.Normal(2),
    }).ToArray();

    /// <summary>Awkward logits, some rows shifted by ±1000 (a softmax that skips the max overflows there).</summary>
    static double[] Logits(Draws d, int rows, int cols)
    {
        var z = Awkward(d, rows * cols);
        for (var r = 0; r < rows; r++)
        {
            var shift = d.Pick(0.0, 0.0, 1000.0, -1000.0);
            for (var c = 0; c < cols; c++) z[r * cols + c] += shift;
        }
        return z;
    }

    static double Temperature(Draws d) => Round(d.Pick(1.0, d.Uniform(0.25, 4)));

    /// <summary>Inputs in each loss's domain: probabilities with 0, 1 and values past the clamp for BCE, distributions per row for softmax-CE.</summary>
    static (double[] Outputs, double[] Targets) LossPoint(LossKind kind, Draws d, int rows, int cols)
    {
        var n = rows * cols;
        var unit = Enumerable.Range(0, n).Select(_ => d.Pick(0.0, 1.0, d.Uniform(0, 1), d.Uniform(0, 1))).ToArray();
        switch (kind)
        {
            case LossKind.BinaryCrossEntropy:
                return (Enumerable.Range(0, n).Select(_ => d.Below(6) switch
                {
                    0 => 0,
                    1 => 1,
                    2 => d.Uniform(0, 3e-7),
                    3 => 1 - d.Uniform(0, 3e-7),
                    _ => d.Uniform(0, 1),
                }).ToArray(), unit);
            case LossKind.SoftmaxCrossEntropy:
                var targets = new double[n];
                for (var r = 0; r < rows; r++)
                {
                    var row = targets.AsSpan(r * cols, cols);
                    if (d.Below(2) == 0) row[d.Below(cols)] = 1;
                    else
                    {
                        for (var c = 0; c < cols; c++) row[c] = d.Uniform(0, 1);
                        var sum = row.ToArray().Sum();
                        for (var c = 0; c < cols; c++) row[c] /= sum;
                    }
                }
                return (Logits(d, rows, cols), targets);
            default:
                return (Awkward(d, n), unit);
        }
    }

    /// <summary>Sequential draws from one key, so a failing seed reproduces the whole case.</summary>
    sealed class Draws(Rng rng)
    {
        ulong next;

        public int Below(int bound) => rng.Below(next++, bound);
        public double Uniform(double lo, double hi) => lo + (hi - lo) * rng.Uniform(next++);
        public double Normal(double scale) => scale * rng.Normal(next++);
        public Rng Key() => rng.Fold(next++);
        public TOption Pick<TOption>(params TOption[] options) => options[Below(options.Length)];
    }

    // ---------- Placement and checks ----------

    /// <summary>A window of a backend buffer; <see cref="Initial"/> is the whole buffer as uploaded.</summary>
    sealed record Placed(View<T> View, T[] Initial)
    {
        public double[] Values => Doubles(Initial.AsSpan(View.Offset, View.Length));
        public Placed Window(int start, int length) => this with { View = View.Slice(start, length) };
    }

    readonly List<DeviceBuffer<T>> buffers = [];

    string Name => Backend.Name;

    /// <summary><paramref name="values"/> (rounded to T) at a random offset in a bigger buffer whose other elements are random junk.</summary>
    Placed Place(Draws d, double[] values)
    {
        var (offset, tail) = (d.Pick(0, 1, 3, 17), d.Pick(0, 1, 5));
        var whole = new T[offset + values.Length + tail];
        for (var i = 0; i < whole.Length; i++) whole[i] = T.CreateTruncating(d.Normal(100));
        Of(values).CopyTo(whole, offset);
        var buffer = Backend.Allocate(whole.Length);
        buffers.Add(buffer);
        Backend.Upload(whole, buffer.All);
        return new(buffer.All.Slice(offset, values.Length), whole);
    }

    /// <summary>The window's contents, after checking that nothing outside it changed.</summary>
    double[] Read(Placed p)
    {
        var whole = new T[p.Initial.Length];
        Backend.Download(p.View.Buffer.All, whole);
        for (var i = 0; i < whole.Length; i++)
        {
            if (i >= p.View.Offset && i < p.View.Offset + p.View.Length) continue;
            if (!whole[i].Equals(p.Initial[i]))
                Assert.Fail($"{Name}: element {i} of a buffer of {whole.Length}, outside the window [{p.View.Offset}, {p.View.Offset + p.View.Length}), changed from {p.Initial[i]} to {whole[i]}");
        }
        return Doubles(whole.AsSpan(p.View.Offset, p.View.Length));
    }

    /// <summary>Checks every case, naming it when the backend throws (assertion messages name it already).</summary>
    void Each<TCase>(string what, IEnumerable<TCase> cases, Action<TCase> check)
    {
        foreach (var c in cases)
        {
            try
            {
                check(c);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"{Name} {what}, {c}: the backend threw {e.GetType().Name}: {e.Message}", e);
            }
        }
    }

    void Unchanged(Placed input, string what) => Same($"{Name} {what} (an input)", Read(input), input.Values);

    /// <summary>|actual − expected| ≤ tolerance·(|expected| + magnitude), up to T's underflow threshold; NaN never passes.</summary>
    void Near(string what, double[] actual, Expected[] expected)
    {
        Assert.True(actual.Length == expected.Length, $"{what}: {actual.Length} values, expected {expected.Length}");
        for (var i = 0; i < actual.Length; i++)
        {
            var bound = Tolerance * (Math.Abs(expected[i].Value) + expected[i].Magnitude) + Tiny;
            if (!(Math.Abs(actual[i] - expected[i].Value) <= bound))
                Assert.Fail($"{what}: [{i}] = {actual[i]:R}, expected {expected[i].Value:R} ± {bound:G3}");
        }
    }

    static void Same(string what, double[] actual, double[] expected)
    {
        Assert.True(actual.Length == expected.Length, $"{what}: {actual.Length} values, expected {expected.Length}");
        for (var i = 0; i < actual.Length; i++)
            if (!actual[i].Equals(expected[i])) Assert.Fail($"{what}: [{i}] = {actual[i]:R}, expected {expected[i]:R}");
    }

    static double D(T v) => double.CreateTruncating(v);
    static double Round(double v) => D(T.CreateTruncating(v));
    static double[] Rounded(double[] values) => values.Select(Round).ToArray();
    static T[] Of(double[] values) => values.Select(T.CreateTruncating).ToArray();
    static double[] Doubles(ReadOnlySpan<T> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = D(values[i]);
        return result;
    }

    public void Dispose()
    {
        foreach (var buffer in buffers) buffer.Dispose();
        // a backend that is costly to make (OpenCL builds its programs) is shared by the tests and outlives them
        if (!shared) Backend.Dispose();
        GC.SuppressFinalize(this);
    }
}
