// The losses as the CPU computes them (Core/Backends/Cpu/CpuLosses.cs): each kernel writes the float terms the
// CPU adds to its double total, in the order it adds them, and the gradient; the host sums the terms in
// double, so the mean is the CPU's. wantGradient = 0 leaves the gradient untouched.
#pragma OPENCL FP_CONTRACT OFF
#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double pure_total;
#else
typedef float pure_total; // a device without doubles sums in float: the mean may differ from the CPU's in its last bits
#endif

// the mean of the terms, summed in the CPU's order and precision (negated for BCE, whose terms are subtracted)
__kernel void mean_terms(const int n, const int negate, const int divisor, const __global float* terms, __global float* result, const int ro) {
    if (get_global_id(0) != 0) return;
    pure_total total = 0;
    for (int i = 0; i < n; i++) total = negate ? total - (pure_total)terms[i] : total + (pure_total)terms[i];
    result[ro] = (float)(total / divisor);
}

__kernel void mse_terms(const int n, const __global float* o, const int oo, const __global float* y, const int yo,
                        const int wantGradient, const float scale, __global float* g, const int go, __global float* terms) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float d = o[oo + i] - y[yo + i];
    terms[i] = d * d;
    if (wantGradient) g[go + i] = scale * d;
}

// PyTorch's BCELoss: logs clamped at −100, gradient (p − y)/max(p(1 − p), 1e-12); the host subtracts the terms
__kernel void bce_terms(const int n, const __global float* o, const int oo, const __global float* y, const int yo,
                        const int wantGradient, const float inv, __global float* g, const int go, __global float* terms) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float p = clamp(o[oo + i], 0.0f, 1.0f), t = y[yo + i];
    terms[i] = t * fmax(log(p), -100.0f) + (1.0f - t) * fmax(log1p(-p), -100.0f);
    if (wantGradient) g[go + i] = inv * (p - t) / fmax(p * (1.0f - p), 1e-12f);
}

__kernel void bce_logits_terms(const int n, const __global float* o, const int oo, const __global float* y, const int yo,
                               const int wantGradient, const float inv, __global float* g, const int go, __global float* terms) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float z = o[oo + i], t = y[yo + i];
    terms[i] = fmax(z, 0.0f) - z * t + log1p(exp(-fabs(z)));
    if (wantGradient) g[go + i] = inv * ((1.0f - t) * pure_sigmoid(z) - t * pure_sigmoid(-z));
}

// one row per work-item; the terms are the row's y_c·(log Σ e^(z − max) − (z_c − max)), 0 where y_c is 0
__kernel void softmax_ce_terms(const int rows, const int cols, const __global float* o, const int oo, const __global float* y, const int yo,
                               const int wantGradient, const float inv, __global float* g, const int go, __global float* terms) {
    const int r = get_global_id(0);
    if (r >= rows) return;
    const __global float* z = o + oo + r * cols;
    const __global float* t = y + yo + r * cols;
    int top = 0;
    for (int c = 1; c < cols; c++) if (z[c] > z[top]) top = c;
    const float m = z[top];
    float rest = 0.0f;
    for (int c = 0; c < cols; c++) if (c != top) rest = rest + exp(z[c] - m);
    const float sum = 1.0f + rest, logSum = log1p(rest);
    float mass = 0.0f;
    for (int c = 0; c < cols; c++) {
        terms[r * cols + c] = t[c] != 0.0f ? t[c] * (logSum - (z[c] - m)) : 0.0f;
        mass = mass + t[c];
    }
    if (!wantGradient) return;
    __global float* gr = g + go + r * cols;
    for (int c = 0; c < cols; c++) gr[c] = inv * (exp(z[c] - m) / sum * mass - t[c]);
    gr[top] = inv * ((mass - t[top] - t[top] * rest) / sum);
}
