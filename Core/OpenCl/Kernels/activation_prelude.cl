#pragma OPENCL FP_CONTRACT OFF
// Helpers the catalogue's OpenCL expressions call (Core/Activations/Activation.Catalogue.cs), written in the
// stable forms the CPU's scalar references use.

// σ(z) from e^(−|z|), so neither tail overflows
inline float pure_sigmoid(const float z) {
    const float e = exp(-fabs(z));
    return z >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
}

// log(1 + e^z) = max(z, 0) + log1p(e^(−|z|))
inline float pure_softplus(const float z) { return fmax(z, 0.0f) + log1p(exp(-fabs(z))); }

// GELU-tanh through 1 + tanh u = 2σ(2u) and 1 − tanh² u = 4σ(2u)σ(−2u), which keep both tails that 1 ± tanh
// cancels in float: d/dz of z·σ(2u), u = k(z + 0.044715z³), is σ(2u) + z·2σ(2u)σ(−2u)·k(1 + 3·0.044715z²)
inline float pure_gelu_tanh_gradient(const float z) {
    const float k = 0.7978845608f;
    const float u2 = 2.0f * k * (z + 0.044715f * z * z * z);
    const float s = pure_sigmoid(u2);
    return s + z * 2.0f * s * pure_sigmoid(-u2) * k * (1.0f + 3.0f * 0.044715f * z * z);
}
