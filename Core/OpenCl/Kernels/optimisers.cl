// Every optimiser's update in place, one parameter per work-item, as the CPU's kernels order their operations
// (Core/Backends/Cpu/CpuOptimiser.cs): decay[i] is 1 where weight decay and L2 apply. State slots sit one
// after another, n apart.
#pragma OPENCL FP_CONTRACT OFF

#define PURE_UPDATE_ARGS const int n, const float lr, const float l2, const float mu, const float b1, const float b2, const float eps, \
    const float c1, const float c2, const float decayRate, __global float* theta, const int to, const __global float* grad, const int go, \
    __global float* state, const int so, const __global float* decay, const int dO

__kernel void update_sgd(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i < n) theta[to + i] = theta[to + i] - lr * (grad[go + i] + l2 * decay[dO + i] * theta[to + i]);
}

__kernel void update_momentum(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float g = grad[go + i] + l2 * decay[dO + i] * theta[to + i];
    const float v = mu * state[so + i] + g;
    state[so + i] = v;
    theta[to + i] = theta[to + i] - lr * v;
}

__kernel void update_nesterov(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float g = grad[go + i] + l2 * decay[dO + i] * theta[to + i];
    const float v = mu * state[so + i] + g;
    state[so + i] = v;
    theta[to + i] = theta[to + i] - lr * (g + mu * v);
}

inline void pure_adam(PURE_UPDATE_ARGS, const int i) {
    float t = theta[to + i];
    t = t - decayRate * decay[dO + i] * t;
    const float g = grad[go + i] + l2 * decay[dO + i] * t;
    const float m = b1 * state[so + i] + (1.0f - b1) * g;
    const float v = b2 * state[so + n + i] + (1.0f - b2) * g * g;
    state[so + i] = m;
    state[so + n + i] = v;
    theta[to + i] = t - lr * (m / c1) / (sqrt(v / c2) + eps);
}

// Adam and AdamW share the step; AdamW's decoupled decay comes in through decayRate = lr·λ (0 for Adam)
__kernel void update_adam(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i < n) pure_adam(n, lr, l2, mu, b1, b2, eps, c1, c2, decayRate, theta, to, grad, go, state, so, decay, dO, i);
}

__kernel void update_adamw(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i < n) pure_adam(n, lr, l2, mu, b1, b2, eps, c1, c2, decayRate, theta, to, grad, go, state, so, decay, dO, i);
}

// RMSprop: α arrives as b2
__kernel void update_rmsprop(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float g = grad[go + i] + l2 * decay[dO + i] * theta[to + i];
    const float v = b2 * state[so + i] + (1.0f - b2) * g * g;
    state[so + i] = v;
    theta[to + i] = theta[to + i] - lr * g / (sqrt(v) + eps);
}

__kernel void update_adagrad(PURE_UPDATE_ARGS) {
    const int i = get_global_id(0);
    if (i >= n) return;
    const float g = grad[go + i] + l2 * decay[dO + i] * theta[to + i];
    const float s = state[so + i] + g * g;
    state[so + i] = s;
    theta[to + i] = theta[to + i] - lr * g / (sqrt(s) + eps);
}
