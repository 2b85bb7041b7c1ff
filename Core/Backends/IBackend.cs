using System.Numerics;
using Pure.Core.Activations;
using Pure.Core.Losses;
using Pure.Core.Tensors;

namespace Pure.Core.Backends;

/// <summary>
/// The seam between layers and kernels: a short list of operations over backend buffers, in the style of
/// Math.NET's provider interface (flat row-major arrays, explicit dimensions, inputs first, destination last).
/// Every layer, loss and optimiser speaks only to this interface, so the same network runs on any backend.
/// A destination may alias an input only where the operation says so.
/// </summary>
public interface IBackend<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A short description of the backend and its device or threads, for messages and reports.</summary>
    string Name { get; }

    /// <summary>A new buffer of <paramref name="length"/> elements owned by this backend; its contents are unspecified until written.</summary>
    DeviceBuffer<T> Allocate(int length);
    /// <summary>Copies host memory <paramref name="source"/> into the backend view <paramref name="destination"/> (equal lengths).</summary>
    void Upload(ReadOnlySpan<T> source, View<T> destination);
    /// <summary>Copies the backend view <paramref name="source"/> into host memory <paramref name="destination"/> (equal lengths).</summary>
    void Download(View<T> source, Span<T> destination);
    /// <summary>dst = src, between two views of this backend's buffers.</summary>
    void Copy(View<T> source, View<T> destination);
    /// <summary>Sets every element of <paramref name="destination"/> to <paramref name="value"/>.</summary>
    void Fill(T value, View<T> destination);

    /// <summary>
    /// C = α·op(A)·op(B) + β·C with op(A) m×k, op(B) k×n, C m×n, all row-major (BLAS sgemm's contract;
    /// β = 0 ignores C's old contents, NaN included).
    /// </summary>
    void Gemm(Transpose transA, Transpose transB, int m, int n, int k, T alpha, View<T> a, View<T> b, T beta, View<T> c);

    /// <summary>dst[r, c] = x[r, c] + bias[c]; dst may be x.</summary>
    void AddRowVector(View<T> x, int rows, int cols, View<T> bias, View<T> destination);

    /// <summary>dst[c] = β·dst[c] + Σ_r x[r, c] (the bias gradient).</summary>
    void SumRows(View<T> x, int rows, int cols, T beta, View<T> destination);

    /// <summary>a = f(z) elementwise; a may be z (but then backward, which reads z for most kinds, cannot follow).</summary>
    void ActivationForward(Activation f, View<T> z, View<T> a);

    /// <summary>
    /// A dense layer's epilogue in one pass over its output: z[r, c] += bias[c], then a = f(z); z keeps the
    /// pre-activation for the backward pass. The same numbers as <see cref="AddRowVector"/> then <see cref="ActivationForward"/>.
    /// </summary>
    void BiasActivationForward(Activation f, View<T> z, int rows, int cols, View<T> bias, View<T> a);

    /// <summary>dz = da ⊙ f′(z) (a = f(z) is given for the kinds that reuse it); dz may be da.</summary>
    void ActivationBackward(Activation f, View<T> z, View<T> a, View<T> da, View<T> dz);

    /// <summary>a[r, c] = z &gt; 0 ? z : slope[c]·z (PReLU, one learnable slope per unit; at z = 0 the left slope, as every kinked activation here and in PyTorch).</summary>
    void PReluForward(View<T> z, int rows, int cols, View<T> slope, View<T> a);

    /// <summary>dz = da ⊙ (z &gt; 0 ? 1 : slope), unless dz is a default view (a first layer needs no input gradient); dSlope[c] = Σ_r da·min(z, 0) (overwritten).</summary>
    void PReluBackward(View<T> z, int rows, int cols, View<T> slope, View<T> da, View<T> dz, View<T> dSlope);

    /// <summary>Row-wise softmax of z/T, computed stably (subtract the row max); a may be z.</summary>
    void SoftmaxForward(View<T> z, int rows, int cols, T temperature, View<T> a);

    /// <summary>dz = (a ⊙ (da − ⟨da, a⟩_row)) / T: the softmax Jacobian-vector product.</summary>
    void SoftmaxBackward(View<T> a, int rows, int cols, T temperature, View<T> da, View<T> dz);

    /// <summary>
    /// Inverted dropout in one pass: mask[i] is 1/keep with probability keep, else 0, drawn from
    /// <paramref name="rng"/>'s i-th uniform, and y[i] = x[i]·mask[i] (the mask is kept for the backward pass).
    /// </summary>
    void DropoutForward(Rng rng, T keep, View<T> x, View<T> mask, View<T> y);

    /// <summary>
    /// Normalisation with a per-column affine map: in each group of <paramref name="axis"/> (a row, or a column),
    /// x̂ = (x − μ)/√(σ² + ε) and y[r, c] = x̂·γ[c] + β[c]. With <paramref name="fromBatch"/> μ and the biased σ²
    /// are the group's own, summed in double, and written to <paramref name="mean"/> and <paramref name="variance"/>
    /// (one per group); without, they are read from there (a batch norm's running statistics). x̂ is kept for
    /// the backward pass.
    /// </summary>
    void NormalizeForward(NormAxis axis, bool fromBatch, View<T> x, int rows, int cols, T epsilon, View<T> gamma, View<T> beta,
        View<T> mean, View<T> variance, View<T> normalised, View<T> y);

    /// <summary>
    /// The backward of <see cref="NormalizeForward"/>: dγ[c] = Σ_r dy·x̂ and dβ[c] = Σ_r dy (overwritten), and unless
    /// <paramref name="dx"/> is a default view, with g = dy·γ, dx = (g − mean(g) − x̂·mean(g·x̂))/√(σ² + ε) over each
    /// group when the statistics came from the batch, else dx = g/√(σ² + ε).
    /// </summary>
    void NormalizeBackward(NormAxis axis, bool fromBatch, View<T> normalised, View<T> variance, int rows, int cols, T epsilon, View<T> gamma,
        View<T> dy, View<T> dx, View<T> dGamma, View<T> dBeta);

    /// <summary>
    /// A batch norm's running statistics after a batch of <paramref name="count"/> rows (PyTorch's definition):
    /// μ̂ ← (1 − m)·μ̂ + m·μ and σ̂² ← (1 − m)·σ̂² + m·σ²·n/(n − 1), the unbiased variance. A batch of one row has no
    /// variance to learn from and leaves both unchanged.
    /// </summary>
    void UpdateRunningStatistics(View<T> mean, View<T> variance, int count, T momentum, View<T> runningMean, View<T> runningVariance);

    /// <summary>
    /// Gradient clipping by global norm, in place: with ‖g‖ = √Σg² (summed in double), g ← g·min(1, c/(‖g‖ + 10⁻⁶))
    /// (PyTorch's <c>clip_grad_norm_</c>): a gradient with ‖g‖ + 10⁻⁶ ≤ c stays as it is, bit for bit.
    /// </summary>
    void ClipByGlobalNorm(View<T> gradients, T maxNorm);

    /// <summary>dst = x ⊙ y elementwise; dst may be x or y.</summary>
    void Multiply(View<T> x, View<T> y, View<T> destination);

    /// <summary>
    /// The L1 penalty's gradient added in place: g[i] += λ·decay[i]·sign(θ[i]) (sign 0 = 0), so λ·Σ|θ| is minimised
    /// beside the loss, on the parameters the decay mask marks (weights).
    /// </summary>
    void AddL1Gradient(View<T> parameters, View<T> decay, T lambda, View<T> gradients);

    /// <summary>dst = x + y elementwise (a residual block's skip); dst may be x or y.</summary>
    void Add(View<T> x, View<T> y, View<T> destination);

    /// <summary>Whether every element of <paramref name="x"/> is finite (no NaN, no ±∞): the divergence check after an update.</summary>
    bool AllFinite(View<T> x);

    /// <summary>
    /// The mean loss of <paramref name="output"/> against <paramref name="target"/> (rows×cols), and, unless
    /// <paramref name="gradient"/> is empty, the gradient of that mean with respect to the output.
    /// </summary>
    T Loss(LossKind kind, View<T> output, View<T> target, int rows, int cols, View<T> gradient);

    /// <summary>
    /// <see cref="Loss"/>'s mean and gradient, the mean written to <paramref name="result"/>[0] on the backend
    /// instead of returned: a training epoch keeps one per batch there and reads them all once, so a step needs
    /// no round trip to the host. The same number <see cref="Loss"/> returns, bit for bit.
    /// </summary>
    void LossInto(LossKind kind, View<T> output, View<T> target, int rows, int cols, View<T> gradient, View<T> result);

    /// <summary>
    /// One optimiser step in place (<paramref name="rule"/> names the kernel and carries its arguments, resolved
    /// for this step): parameters and state (slots × n) move, gradients are read.
    /// <paramref name="decay"/> holds 1 for parameters that weight decay / L2 applies to, 0 elsewhere.
    /// </summary>
    void OptimiserStep(UpdateRule rule, View<T> parameters, View<T> gradients, View<T> state, View<T> decay);

    /// <summary>
    /// How many rows of <paramref name="predictions"/> name the same class as <paramref name="targets"/>
    /// (rows×cols each): with one column a value ≥ 0.5 is class 1, with more the first largest column.
    /// </summary>
    int CountCorrect(View<T> predictions, View<T> targets, int rows, int cols);

    /// <summary>dst row i = source row rows[i] (cols wide).</summary>
    void GatherRows(View<T> source, int cols, ReadOnlySpan<int> rows, View<T> destination);

    /// <summary>
    /// dst row i = the one-hot row (cols wide) of the class index classes[rows[i]]: class-indexed targets stay one
    /// number per example on the device and become one-hot only a batch at a time. The indices lie in 0 … cols − 1
    /// (<c>DeviceDataset.UploadClasses</c> checks them once); a device backend does not check them again per batch.
    /// </summary>
    void GatherOneHot(View<T> classes, ReadOnlySpan<int> rows, int cols, View<T> destination);
}
