// Layer and batch normalisation (Core/Backends/Cpu/CpuNormalisation.cs): one work-item per group, a row
// (perRow = 1: stride 1, groups of cols) or a column (perRow = 0: stride cols, groups of rows); means and sums
// in pure_total (double where the device has it), in index order.

__kernel void normalize_forward(const int perRow, const int fromBatch, const int rows, const int cols, const float epsilon,
                                const __global float* x, const int xo, const __global float* gamma, const int go,
                                const __global float* beta, const int bo, __global float* mean, const int mo,
                                __global float* variance, const int vo, __global float* xhat, const int ho,
                                __global float* y, const int yo) {
    const int k = get_global_id(0);
    const int groups = perRow ? rows : cols, size = perRow ? cols : rows;
    if (k >= groups) return;
    const int first = perRow ? k * cols : k, step = perRow ? 1 : cols;
    if (fromBatch) {
        pure_total sum = 0;
        for (int i = 0; i < size; i++) sum += (pure_total)x[xo + first + i * step];
        const pure_total mu = size == 0 ? 0 : sum / size;
        pure_total squares = 0;
        for (int i = 0; i < size; i++) {
            const pure_total d = (pure_total)x[xo + first + i * step] - mu;
            squares += d * d;
        }
        mean[mo + k] = (float)mu;
        variance[vo + k] = (float)(size == 0 ? 0 : squares / size);
    }
    const float m = mean[mo + k];
    const float inverse = 1.0f / sqrt(variance[vo + k] + epsilon);
    for (int i = 0; i < size; i++) {
        const int e = first + i * step, c = e % cols;
        const float h = (x[xo + e] - m) * inverse;
        xhat[ho + e] = h;
        y[yo + e] = h * gamma[go + c] + beta[bo + c];
    }
}

// dγ[c] = Σ_r dy·x̂, dβ[c] = Σ_r dy, one column per work-item
__kernel void normalize_affine_gradient(const int rows, const int cols, const __global float* xhat, const int ho,
                                        const __global float* dy, const int dyo, __global float* dgamma, const int dgo,
                                        __global float* dbeta, const int dbo) {
    const int c = get_global_id(0);
    if (c >= cols) return;
    pure_total g = 0, b = 0;
    for (int r = 0; r < rows; r++) {
        const int e = r * cols + c;
        g += (pure_total)dy[dyo + e] * (pure_total)xhat[ho + e];
        b += (pure_total)dy[dyo + e];
    }
    dgamma[dgo + c] = (float)g;
    dbeta[dbo + c] = (float)b;
}

// dx over each group: (g − mean(g) − x̂·mean(g·x̂))·rstd from the batch's statistics, g·rstd from given ones
__kernel void normalize_input_gradient(const int perRow, const int fromBatch, const int rows, const int cols, const float epsilon,
                                       const __global float* xhat, const int ho, const __global float* variance, const int vo,
                                       const __global float* gamma, const int go, const __global float* dy, const int dyo,
                                       __global float* dx, const int dxo) {
    const int k = get_global_id(0);
    const int groups = perRow ? rows : cols, size = perRow ? cols : rows;
    if (k >= groups) return;
    const int first = perRow ? k * cols : k, step = perRow ? 1 : cols;
    const float inverse = 1.0f / sqrt(variance[vo + k] + epsilon);
    float meanG = 0.0f, meanGh = 0.0f;
    if (fromBatch && size > 0) {
        pure_total sumG = 0, sumGh = 0;
        for (int i = 0; i < size; i++) {
            const int e = first + i * step;
            const pure_total gi = (pure_total)dy[dyo + e] * (pure_total)gamma[go + e % cols];
            sumG += gi;
            sumGh += gi * (pure_total)xhat[ho + e];
        }
        meanG = (float)(sumG / size);
        meanGh = (float)(sumGh / size);
    }
    for (int i = 0; i < size; i++) {
        const int e = first + i * step;
        const float gi = dy[dyo + e] * gamma[go + e % cols];
        dx[dxo + e] = fromBatch ? (gi - meanG - xhat[ho + e] * meanGh) * inverse : gi * inverse;
    }
}

__kernel void update_running_statistics(const int cols, const float momentum, const float unbiased,
                                        const __global float* mean, const int mo, const __global float* variance, const int vo,
                                        __global float* runningMean, const int rmo, __global float* runningVariance, const int rvo) {
    const int c = get_global_id(0);
    if (c >= cols) return;
    const float keep = 1.0f - momentum;
    runningMean[rmo + c] = keep * runningMean[rmo + c] + momentum * mean[mo + c];
    runningVariance[rvo + c] = keep * runningVariance[rvo + c] + momentum * (variance[vo + c] * unbiased);
}

// the factor min(1, c/(‖g‖ + 1e-6)) into factor[0], from the squares summed by one work-group of CLIP_GROUP
// items, each striding over the gradient; the partial sums meet in a fixed tree, so a device gives the same
// factor every time. A non-finite norm gives 1: scaling cannot repair it, and the divergence check reports it.
#define CLIP_GROUP 256
__kernel void clip_norm_factor(const int n, const float maxNorm, const __global float* g, const int go, __global float* factor) {
    __local pure_total partial[CLIP_GROUP];
    const int l = get_local_id(0);
    pure_total s = 0;
    for (int i = l; i < n; i += CLIP_GROUP) {
        const pure_total v = (pure_total)g[go + i];
        s += v * v;
    }
    partial[l] = s;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int span = CLIP_GROUP / 2; span > 0; span /= 2) {
        if (l < span) partial[l] += partial[l + span];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (l == 0) {
        const pure_total norm = sqrt(partial[0]) + (pure_total)1e-6;
        factor[0] = norm <= (pure_total)maxNorm || !isfinite(norm) ? 1.0f : (float)((pure_total)maxNorm / norm);
    }
}

__kernel void clip_norm_scale(const int n, __global float* g, const int go, const __global float* factor) {
    const int i = get_global_id(0);
    const float f = factor[0];
    if (i < n && f != 1.0f) g[go + i] = g[go + i] * f;
}
