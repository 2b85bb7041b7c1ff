using LanguageExt;
using Pure.Core.Activations;
using Pure.Core.Losses;
using Pure.Core.Tensors;

namespace Pure.Core.Backends.OpenCl;

/// <summary>
/// The backend on an OpenCL device: every operation of the seam as a kernel over device buffers (views are a
/// buffer and an offset). Two programs are built once per backend: the tiled GEMM, and one with every other
/// kernel (the activations generated from the catalogue, the element-, row- and column-wise operations, the
/// losses, the optimisers). The numbers that come back (a returned loss, a count, a finiteness check) are read
/// here; a training step asks for none of them (its loss goes to <see cref="LossInto"/>'s slot, its row indices
/// go out without a wait), so its kernels reach the device one after another.
/// </summary>
public sealed class OpenClBackend : IBackend<float>
{
    readonly OpenClContext context;
    readonly OpenClGemm gemm;
    readonly OpenClProgram ops;
    readonly OpenClActivations activations;
    // per-call scratch that grows as needed: row indices, loss terms, per-row hits, a flag, a returned loss
    OpenClBuffer? indices, terms, hits, flag, mean, clipFactor;
    // one caller at a time: kernels' arguments and the scratch buffers are shared, and a launch is an argument
    // list then an enqueue (the in-order queue then runs the calls in the order they were made)
    readonly Lock gate = new();
    float[] host = [];
    const int Ring = 8;
    readonly int[]?[] staging = new int[Ring][];
    readonly nint[] staged = new nint[Ring];
    int nextStaging;

    OpenClBackend(OpenClContext context, OpenClGemm gemm, OpenClProgram ops)
    {
        this.context = context;
        this.gemm = gemm;
        this.ops = ops;
        activations = new OpenClActivations(ops);
    }

    /// <summary>The device's name and id, as the training header prints it.</summary>
    public string Name => $"opencl ({context.Device.Name}, {context.Device.Id})";

    /// <summary>The device the backend runs on.</summary>
    public OpenClDevice Device => context.Device;

    /// <summary>
    /// The backend on device <paramref name="device"/> of platform <paramref name="platform"/>, its kernels built
    /// (or loaded from <paramref name="cache"/>, where they were built before), or why not.
    /// </summary>
    public static Fin<OpenClBackend> Create(int platform = 0, int device = 0, IOpenClCache? cache = null) =>
        OpenClContext.Create(platform, device, cache).Bind(context =>
        {
            // a GPU's tiles are timed once, when the backend is made (a second or so); other devices take the query's
            var gemm = context.Device.Type == "GPU" ? OpenClGemm.Tune(context) : OpenClGemm.Build(context);
            var built = gemm.Bind(g => context.Build("ops", Source()).Map(p => new OpenClBackend(context, g, p)));
            if (built.IsFail) context.Dispose();
            return built;
        });

    static string Source() =>
        string.Join("\n", OpenClActivations.Source(), KernelSource.Read("ops"), KernelSource.Read("loss"), KernelSource.Read("optimisers"), KernelSource.Read("norm"));

    /// <inheritdoc/>
    public DeviceBuffer<float> Allocate(int length) => context.Allocate(length);

    /// <inheritdoc/>
    public void Upload(ReadOnlySpan<float> source, View<float> destination)
    {
        lock (gate) context.Write(source[..destination.Length], B(destination), destination.Offset);
    }

    /// <inheritdoc/>
    public void Download(View<float> source, Span<float> destination)
    {
        lock (gate) context.Read(B(source), source.Offset, destination[..source.Length]);
    }

    /// <inheritdoc/>
    public void Copy(View<float> source, View<float> destination)
    {
        lock (gate) context.Copy(B(source), source.Offset, B(destination), destination.Offset, source.Length);
    }

    /// <inheritdoc/>
    public void Fill(float value, View<float> destination)
    {
        lock (gate) context.Fill(value, B(destination), destination.Offset, destination.Length);
    }

    /// <inheritdoc/>
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha, View<float> a, View<float> b, float beta, View<float> c)
    {
        lock (gate) gemm.Multiply(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    /// <inheritdoc/>
    public void AddRowVector(View<float> x, int rows, int cols, View<float> bias, View<float> destination)
    {
        lock (gate) ops.Kernel("add_row_vector").Set(0, rows).Set(1, cols).Set(2, B(x)).Set(3, x.Offset).Set(4, B(bias)).Set(5, bias.Offset)
                .Set(6, B(destination)).Set(7, destination.Offset).Run([(nuint)Math.Max(1, rows * cols)]);
    }

    /// <inheritdoc/>
    public void SumRows(View<float> x, int rows, int cols, float beta, View<float> destination)
    {
        lock (gate) ops.Kernel("sum_rows").Set(0, rows).Set(1, cols).Set(2, B(x)).Set(3, x.Offset).Set(4, beta).Set(5, B(destination)).Set(6, destination.Offset)
                .Run([(nuint)Math.Max(1, cols)]);
    }

    /// <inheritdoc/>
    public void ActivationForward(Activation f, View<float> z, View<float> a)
    {
        lock (gate) activations.Forward(f, z, a);
    }

    /// <inheritdoc/>
    public void BiasActivationForward(Activation f, View<float> z, int rows, int cols, View<float> bias, View<float> a)
    {
        lock (gate) activations.BiasForward(f, z, rows, cols, bias, a);
    }

    /// <inheritdoc/>
    public void ActivationBackward(Activation f, View<float> z, View<float> a, View<float> da, View<float> dz)
    {
        lock (gate) activations.Backward(f, z, a, da, dz);
    }

    /// <inheritdoc/>
    public void PReluForward(View<float> z, int rows, int cols, View<float> slope, View<float> a)
    {
        lock (gate) ops.Kernel("prelu_forward").Set(0, rows).Set(1, cols).Set(2, B(z)).Set(3, z.Offset).Set(4, B(slope)).Set(5, slope.Offset)
                .Set(6, B(a)).Set(7, a.Offset).Run([(nuint)Math.Max(1, rows * cols)]);
    }

    /// <inheritdoc/>
    public void PReluBackward(View<float> z, int rows, int cols, View<float> slope, View<float> da, View<float> dz, View<float> dSlope)
    {
        lock (gate)
        {
            ops.Kernel("prelu_slope_gradient").Set(0, rows).Set(1, cols).Set(2, B(z)).Set(3, z.Offset).Set(4, B(da)).Set(5, da.Offset)
                .Set(6, B(dSlope)).Set(7, dSlope.Offset).Run([(nuint)Math.Max(1, cols)]);
            if (dz.Buffer is null || rows * cols == 0) return;
            ops.Kernel("prelu_input_gradient").Set(0, rows).Set(1, cols).Set(2, B(z)).Set(3, z.Offset).Set(4, B(slope)).Set(5, slope.Offset)
                .Set(6, B(da)).Set(7, da.Offset).Set(8, B(dz)).Set(9, dz.Offset).Run([(nuint)(rows * cols)]);
        }
    }

    /// <inheritdoc/>
    public void SoftmaxForward(View<float> z, int rows, int cols, float temperature, View<float> a)
    {
        lock (gate) ops.Kernel("softmax_forward").Set(0, rows).Set(1, cols).Set(2, temperature).Set(3, B(z)).Set(4, z.Offset).Set(5, B(a)).Set(6, a.Offset)
                .Run([(nuint)Math.Max(1, rows)]);
    }

    /// <inheritdoc/>
    public void SoftmaxBackward(View<float> a, int rows, int cols, float temperature, View<float> da, View<float> dz)
    {
        lock (gate) ops.Kernel("softmax_backward").Set(0, rows).Set(1, cols).Set(2, temperature).Set(3, B(a)).Set(4, a.Offset).Set(5, B(da)).Set(6, da.Offset)
                .Set(7, B(dz)).Set(8, dz.Offset).Run([(nuint)Math.Max(1, rows)]);
    }

    /// <inheritdoc/>
    public void DropoutForward(Rng rng, float keep, View<float> x, View<float> mask, View<float> y)
    {
        lock (gate)
        {
            // the CPU keeps an entry where its uniform u = top53/2⁵³ is below keep, i.e. where top53 < ⌈keep·2⁵³⌉
            var threshold = (ulong)Math.Ceiling((double)keep * (1UL << 53));
            ops.Kernel("dropout_forward").Set(0, mask.Length).Set(1, rng.Key).Set(2, threshold).Set(3, 1f / keep)
                .Set(4, B(x)).Set(5, x.Offset).Set(6, B(mask)).Set(7, mask.Offset).Set(8, B(y)).Set(9, y.Offset).Run([(nuint)Math.Max(1, mask.Length)]);
        }
    }

    /// <inheritdoc/>
    public void NormalizeForward(NormAxis axis, bool fromBatch, View<float> x, int rows, int cols, float epsilon, View<float> gamma, View<float> beta,
        View<float> mean, View<float> variance, View<float> normalised, View<float> y)
    {
        var groups = axis == NormAxis.PerRow ? rows : cols;
        if (groups == 0) return;
        lock (gate) ops.Kernel("normalize_forward").Set(0, axis == NormAxis.PerRow ? 1 : 0).Set(1, fromBatch ? 1 : 0).Set(2, rows).Set(3, cols).Set(4, epsilon)
                .Set(5, B(x)).Set(6, x.Offset).Set(7, B(gamma)).Set(8, gamma.Offset).Set(9, B(beta)).Set(10, beta.Offset).Set(11, B(mean)).Set(12, mean.Offset)
                .Set(13, B(variance)).Set(14, variance.Offset).Set(15, B(normalised)).Set(16, normalised.Offset).Set(17, B(y)).Set(18, y.Offset).Run([(nuint)groups]);
    }

    /// <inheritdoc/>
    public void NormalizeBackward(NormAxis axis, bool fromBatch, View<float> normalised, View<float> variance, int rows, int cols, float epsilon, View<float> gamma,
        View<float> dy, View<float> dx, View<float> dGamma, View<float> dBeta)
    {
        if (cols == 0) return;
        lock (gate)
        {
            ops.Kernel("normalize_affine_gradient").Set(0, rows).Set(1, cols).Set(2, B(normalised)).Set(3, normalised.Offset).Set(4, B(dy)).Set(5, dy.Offset)
                .Set(6, B(dGamma)).Set(7, dGamma.Offset).Set(8, B(dBeta)).Set(9, dBeta.Offset).Run([(nuint)cols]);
            var groups = axis == NormAxis.PerRow ? rows : cols;
            if (dx.Buffer is null || groups == 0) return;
            ops.Kernel("normalize_input_gradient").Set(0, axis == NormAxis.PerRow ? 1 : 0).Set(1, fromBatch ? 1 : 0).Set(2, rows).Set(3, cols).Set(4, epsilon)
                .Set(5, B(normalised)).Set(6, normalised.Offset).Set(7, B(variance)).Set(8, variance.Offset).Set(9, B(gamma)).Set(10, gamma.Offset)
                .Set(11, B(dy)).Set(12, dy.Offset).Set(13, B(dx)).Set(14, dx.Offset).Run([(nuint)groups]);
        }
    }

    /// <inheritdoc/>
    public void UpdateRunningStatistics(View<float> mean, View<float> variance, int count, float momentum, View<float> runningMean, View<float> runningVariance)
    {
        if (count < 2 || runningMean.Length == 0) return;
        lock (gate) ops.Kernel("update_running_statistics").Set(0, runningMean.Length).Set(1, momentum).Set(2, (float)count / (count - 1))
                .Set(3, B(mean)).Set(4, mean.Offset).Set(5, B(variance)).Set(6, variance.Offset).Set(7, B(runningMean)).Set(8, runningMean.Offset)
                .Set(9, B(runningVariance)).Set(10, runningVariance.Offset).Run([(nuint)runningMean.Length]);
    }

    /// <inheritdoc/>
    public void ClipByGlobalNorm(View<float> gradients, float maxNorm)
    {
        if (gradients.Length == 0) return;
        lock (gate)
        {
            var factor = Scratch(ref clipFactor, 1);
            ops.Kernel("clip_norm_factor").Set(0, gradients.Length).Set(1, maxNorm).Set(2, B(gradients)).Set(3, gradients.Offset).Set(4, factor).Run([256], [256]);
            ops.Kernel("clip_norm_scale").Set(0, gradients.Length).Set(1, B(gradients)).Set(2, gradients.Offset).Set(3, factor).Run([(nuint)gradients.Length]);
        }
    }

    /// <inheritdoc/>
    public void Multiply(View<float> x, View<float> y, View<float> destination)
    {
        lock (gate) ops.Kernel("multiply").Set(0, destination.Length).Set(1, B(x)).Set(2, x.Offset).Set(3, B(y)).Set(4, y.Offset)
                .Set(5, B(destination)).Set(6, destination.Offset).Run([(nuint)Math.Max(1, destination.Length)]);
    }

    /// <inheritdoc/>
    public void Add(View<float> x, View<float> y, View<float> destination)
    {
        lock (gate) ops.Kernel("add").Set(0, destination.Length).Set(1, B(x)).Set(2, x.Offset).Set(3, B(y)).Set(4, y.Offset)
                .Set(5, B(destination)).Set(6, destination.Offset).Run([(nuint)Math.Max(1, destination.Length)]);
    }

    /// <inheritdoc/>
    public void AddL1Gradient(View<float> parameters, View<float> decay, float lambda, View<float> gradients)
    {
        lock (gate) ops.Kernel("add_l1_gradient").Set(0, gradients.Length).Set(1, lambda).Set(2, B(parameters)).Set(3, parameters.Offset).Set(4, B(decay)).Set(5, decay.Offset)
                .Set(6, B(gradients)).Set(7, gradients.Offset).Run([(nuint)Math.Max(1, gradients.Length)]);
    }

    /// <inheritdoc/>
    public bool AllFinite(View<float> x)
    {
        lock (gate)
        {
            if (x.Length == 0) return true;
            var f = Scratch(ref flag, 1);
            context.Fill(0f, f, 0, 1);
            ops.Kernel("all_finite").Set(0, x.Length).Set(1, B(x)).Set(2, x.Offset).Set(3, f).Run([(nuint)x.Length]);
            Span<float> back = stackalloc float[1];
            context.Read(f, 0, back);
            return BitConverter.SingleToInt32Bits(back[0]) == 0;
        }
    }

    /// <inheritdoc/>
    public float Loss(LossKind kind, View<float> output, View<float> target, int rows, int cols, View<float> gradient)
    {
        lock (gate)
        {
            var result = Scratch(ref mean, 1);
            LossInto(kind, output, target, rows, cols, gradient, result.All);
            Span<float> back = stackalloc float[1];
            context.Read(result, 0, back);
            return back[0];
        }
    }

    /// <inheritdoc/>
    public void LossInto(LossKind kind, View<float> output, View<float> target, int rows, int cols, View<float> gradient, View<float> result)
    {
        lock (gate)
        {
            var n = rows * cols;
            if (n == 0)
            {
                context.Fill(float.NaN, B(result), result.Offset, 1);
                return;
            }
            var t = Scratch(ref terms, n);
            var want = gradient.Buffer is null || gradient.Length == 0 ? 0 : 1;
            var g = want == 1 ? B(gradient) : t;
            var (name, scale, global) = kind switch
            {
                LossKind.MeanSquaredError => ("mse_terms", (float)(2.0 / n), n),
                LossKind.BinaryCrossEntropy => ("bce_terms", (float)(1.0 / n), n),
                LossKind.BceWithLogits => ("bce_logits_terms", (float)(1.0 / n), n),
                LossKind.SoftmaxCrossEntropy => ("softmax_ce_terms", (float)(1.0 / rows), rows),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown loss"),
            };
            var kernel = ops.Kernel(name);
            kernel = kind == LossKind.SoftmaxCrossEntropy ? kernel.Set(0, rows).Set(1, cols).Set(2, B(output)).Set(3, output.Offset).Set(4, B(target)).Set(5, target.Offset)
                    .Set(6, want).Set(7, scale).Set(8, g).Set(9, want == 1 ? gradient.Offset : 0).Set(10, t)
                : kernel.Set(0, n).Set(1, B(output)).Set(2, output.Offset).Set(3, B(target)).Set(4, target.Offset)
                    .Set(5, want).Set(6, scale).Set(7, g).Set(8, want == 1 ? gradient.Offset : 0).Set(9, t);
            kernel.Run([(nuint)global]);
            // the CPU's double total, in its order, on the device
            ops.Kernel("mean_terms").Set(0, n).Set(1, kind == LossKind.BinaryCrossEntropy ? 1 : 0).Set(2, kind == LossKind.SoftmaxCrossEntropy ? rows : n)
                .Set(3, t).Set(4, B(result)).Set(5, result.Offset).Run([1]);
        }
    }

    /// <inheritdoc/>
    public void OptimiserStep(UpdateRule rule, View<float> parameters, View<float> gradients, View<float> state, View<float> decay)
    {
        lock (gate)
        {
            var n = parameters.Length;
            if (n == 0) return;
            if (state.Length < rule.StateSlots * n) throw new ArgumentException($"{rule.Kernel} needs {rule.StateSlots * n} state values, got {state.Length}");
            var decayRate = rule.Kernel == "adamw" ? (float)(rule.LearningRate * rule.WeightDecay) : 0f;
            var s = rule.StateSlots == 0 ? B(parameters) : B(state);
            ops.Kernel($"update_{rule.Kernel}").Set(0, n).Set(1, (float)rule.LearningRate).Set(2, (float)rule.L2).Set(3, (float)rule.Momentum)
                .Set(4, (float)rule.Beta1).Set(5, (float)rule.Beta2).Set(6, (float)rule.Epsilon).Set(7, (float)rule.Correction1).Set(8, (float)rule.Correction2)
                .Set(9, decayRate).Set(10, B(parameters)).Set(11, parameters.Offset).Set(12, B(gradients)).Set(13, gradients.Offset)
                .Set(14, s).Set(15, rule.StateSlots == 0 ? 0 : state.Offset).Set(16, B(decay)).Set(17, decay.Offset).Run([(nuint)n]);
        }
    }

    /// <inheritdoc/>
    public int CountCorrect(View<float> predictions, View<float> targets, int rows, int cols)
    {
        lock (gate)
        {
            if (rows == 0) return 0;
            var h = Scratch(ref hits, rows);
            ops.Kernel("correct_rows").Set(0, rows).Set(1, cols).Set(2, B(predictions)).Set(3, predictions.Offset).Set(4, B(targets)).Set(5, targets.Offset)
                .Set(6, h).Run([(nuint)rows]);
            var back = Host(rows);
            context.Read(h, 0, back);
            var correct = 0;
            foreach (var v in back) correct += BitConverter.SingleToInt32Bits(v);
            return correct;
        }
    }

    /// <inheritdoc/>
    public void GatherRows(View<float> source, int cols, ReadOnlySpan<int> rows, View<float> destination)
    {
        lock (gate)
        {
            if (rows.Length * cols == 0) return;
            var index = Indices(rows);
            ops.Kernel("gather_rows").Set(0, rows.Length).Set(1, cols).Set(2, B(source)).Set(3, source.Offset).Set(4, index)
                .Set(5, B(destination)).Set(6, destination.Offset).Run([(nuint)(rows.Length * cols)]);
        }
    }

    /// <inheritdoc/>
    public void GatherOneHot(View<float> classes, ReadOnlySpan<int> rows, int cols, View<float> destination)
    {
        lock (gate)
        {
            if (rows.Length * cols == 0) return;
            // the indices were checked when the dataset was uploaded, so nothing is read back here
            var index = Indices(rows);
            ops.Kernel("gather_one_hot").Set(0, rows.Length).Set(1, cols).Set(2, B(classes)).Set(3, classes.Offset).Set(4, index)
                .Set(5, B(destination)).Set(6, destination.Offset).Run([(nuint)(rows.Length * cols)]);
        }
    }

    /// <summary>
    /// The row indices on the device (int bits in a float buffer), sent without waiting: they are copied into one
    /// of <see cref="Ring"/> pinned host blocks and written from there, and a block is reused only once its write
    /// has run (Ring calls later), so a step's gather never stops the host. The queue is in order: the next
    /// call's write into the one device buffer runs after this call's kernel has read it.
    /// </summary>
    OpenClBuffer Indices(ReadOnlySpan<int> rows)
    {
        var buffer = Scratch(ref indices, rows.Length);
        var k = nextStaging;
        nextStaging = (nextStaging + 1) % Ring;
        if (staged[k] != 0) context.Await(staged[k]);
        staged[k] = 0;
        if (staging[k] is not { } block || block.Length < rows.Length) staging[k] = block = GC.AllocateArray<int>(Math.Max(rows.Length, 64), pinned: true);
        rows.CopyTo(block);
        staged[k] = context.WriteWithoutWaiting(block, rows.Length, buffer, 0);
        return buffer;
    }

    /// <summary>The first <paramref name="length"/> floats of a host array kept for read-backs (nothing allocated per step).</summary>
    Span<float> Host(int length)
    {
        if (host.Length < length) host = new float[Math.Max(length, 2 * host.Length)];
        return host.AsSpan(0, length);
    }

    OpenClBuffer Scratch(ref OpenClBuffer? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = context.Allocate(Math.Max(length, 2 * (buffer?.Length ?? 0)));
        }
        return buffer;
    }

    static OpenClBuffer B(View<float> v) => (OpenClBuffer)v.Buffer;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var done in staged) if (done != 0) context.Await(done);
        foreach (var b in new[] { indices, terms, hits, flag, mean, clipFactor }) b?.Dispose();
        context.Dispose();
    }
}
