// The backend's operations other than the product and the activations, one work-item per element, row or
// column as each says; each mirrors the CPU backend's loop (Core/Backends/Cpu), in the same order of
// operations, and nothing is contracted into an FMA that the CPU does not fuse.
#pragma OPENCL FP_CONTRACT OFF

__kernel void add_row_vector(const int rows, const int cols, const __global float* x, const int xo,
                             const __global float* bias, const int bo, __global float* y, const int yo) {
    const int i = get_global_id(0);
    if (i < rows * cols) y[yo + i] = x[xo + i] + bias[bo + i % cols];
}

// dst[c] = beta·dst[c] + Σ_r x[r, c], the rows in order
__kernel void sum_rows(const int rows, const int cols, const __global float* x, const int xo, const float beta,
                       __global float* dst, const int dsto) {
    const int c = get_global_id(0);
    if (c >= cols) return;
    float s = beta == 0.0f ? 0.0f : beta == 1.0f ? dst[dsto + c] : beta * dst[dsto + c];
    for (int r = 0; r < rows; r++) s = s + x[xo + r * cols + c];
    dst[dsto + c] = s;
}

__kernel void multiply(const int n, const __global float* x, const int xo, const __global float* y, const int yo,
                       __global float* dst, const int dsto) {
    const int i = get_global_id(0);
    if (i < n) dst[dsto + i] = x[xo + i] * y[yo + i];
}

__kernel void add(const int n, const __global float* x, const int xo, const __global float* y, const int yo,
                  __global float* dst, const int dsto) {
    const int i = get_global_id(0);
    if (i < n) dst[dsto + i] = x[xo + i] + y[yo + i];
}

// g += λ·decay·sign(θ), sign(0) = 0
__kernel void add_l1_gradient(const int n, const float lambda, const __global float* theta, const int to, const __global float* decay, const int dO,
                              __global float* g, const int go) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float t = theta[to + i];
    const float s = t > 0.0f ? 1.0f : t < 0.0f ? -1.0f : 0.0f;
    g[go + i] = g[go + i] + lambda * decay[dO + i] * s;
}

__kernel void prelu_forward(const int rows, const int cols, const __global float* z, const int zo,
                            const __global float* slope, const int so, __global float* a, const int ao) {
    const int i = get_global_id(0);
    if (i >= rows * cols) return;
    const float v = z[zo + i];
    a[ao + i] = v > 0.0f ? v : slope[so + i % cols] * v;
}

__kernel void prelu_input_gradient(const int rows, const int cols, const __global float* z, const int zo,
                                   const __global float* slope, const int so, const __global float* da, const int dao,
                                   __global float* dz, const int dzo) {
    const int i = get_global_id(0);
    if (i >= rows * cols) return;
    const float v = z[zo + i], g = da[dao + i];
    dz[dzo + i] = v > 0.0f ? g : slope[so + i % cols] * g;
}

// ∂slope[c] = Σ_r [z < 0]·da·z, the rows in order
__kernel void prelu_slope_gradient(const int rows, const int cols, const __global float* z, const int zo,
                                   const __global float* da, const int dao, __global float* ds, const int dso) {
    const int c = get_global_id(0);
    if (c >= cols) return;
    float s = 0.0f;
    for (int r = 0; r < rows; r++) {
        const float v = z[zo + r * cols + c];
        if (v < 0.0f) s = s + da[dao + r * cols + c] * v;
    }
    ds[dso + c] = s;
}

// one row per work-item: softmax(z / T) through the row's maximum
__kernel void softmax_forward(const int rows, const int cols, const float temperature, const __global float* z, const int zo,
                              __global float* a, const int ao) {
    const int r = get_global_id(0);
    if (r >= rows || cols == 0) return;
    const __global float* zr = z + zo + r * cols;
    __global float* ar = a + ao + r * cols;
    float m = zr[0];
    for (int c = 0; c < cols; c++) m = fmax(m, zr[c]);
    float s = 0.0f;
    for (int c = 0; c < cols; c++) {
        ar[c] = exp((zr[c] - m) / temperature);
        s = s + ar[c];
    }
    for (int c = 0; c < cols; c++) ar[c] = ar[c] / s;
}

// dz = a ⊙ (da − ⟨da, a⟩) / T, row by row
__kernel void softmax_backward(const int rows, const int cols, const float temperature, const __global float* a, const int ao,
                               const __global float* da, const int dao, __global float* dz, const int dzo) {
    const int r = get_global_id(0);
    if (r >= rows) return;
    float dot = 0.0f;
    for (int c = 0; c < cols; c++) dot = dot + da[dao + r * cols + c] * a[ao + r * cols + c];
    for (int c = 0; c < cols; c++) dz[dzo + r * cols + c] = a[ao + r * cols + c] * (da[dao + r * cols + c] - dot) / temperature;
}

// The core's Rng (Core/Tensors/Rng.cs): SplitMix64's finaliser over key + (i + 1)·γ, the top 53 bits as a uniform in [0, 1)
inline ulong pure_mix(ulong z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    return z ^ (z >> 31);
}

// inverted dropout: mask[i] = 1/keep where the key's i-th uniform is below keep (compared as the CPU does, in
// integers: u < keep ⇔ top53 < keep·2⁵³), y = x ⊙ mask
__kernel void dropout_forward(const int n, const ulong key, const ulong threshold, const float scale,
                              const __global float* x, const int xo, __global float* mask, const int mo, __global float* y, const int yo) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const ulong bits = pure_mix(key + ((ulong)i + 1UL) * 0x9E3779B97F4A7C15UL) >> 11;
    const float kept = bits < threshold ? scale : 0.0f;
    mask[mo + i] = kept;
    y[yo + i] = x[xo + i] * kept;
}

// flag[0] is cleared by the host; any non-finite element sets it
__kernel void all_finite(const int n, const __global float* x, const int xo, __global int* flag) {
    const int i = get_global_id(0);
    if (i < n && !isfinite(x[xo + i])) flag[0] = 1;
}

// the class of a row: the largest entry (the first of ties), or, for one column, whether it is at least 0.5
inline int pure_class(const __global float* row, const int cols) {
    if (cols == 1) return row[0] >= 0.5f ? 1 : 0;
    int best = 0;
    for (int c = 1; c < cols; c++) if (row[c] > row[best]) best = c;
    return best;
}

__kernel void correct_rows(const int rows, const int cols, const __global float* p, const int po, const __global float* t, const int to,
                           __global int* hit) {
    const int r = get_global_id(0);
    if (r < rows) hit[r] = pure_class(p + po + r * cols, cols) == pure_class(t + to + r * cols, cols) ? 1 : 0;
}

__kernel void gather_rows(const int count, const int cols, const __global float* src, const int so, const __global int* rows,
                          __global float* dst, const int dsto) {
    const int i = get_global_id(0);
    if (i < count * cols) dst[dsto + i] = src[so + rows[i / cols] * cols + i % cols];
}

// one-hot rows from class indices (checked when the dataset was uploaded: DeviceDataset.UploadClasses)
__kernel void gather_one_hot(const int count, const int cols, const __global float* classes, const int co, const __global int* rows,
                             __global float* dst, const int dsto) {
    const int i = get_global_id(0);
    if (i < count * cols) dst[dsto + i] = (int)classes[co + rows[i / cols]] == i % cols ? 1.0f : 0.0f;
}
