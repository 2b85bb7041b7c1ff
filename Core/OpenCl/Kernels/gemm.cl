// C = alpha·op(A)·op(B) + beta·C, row-major, the four transposition cases in one kernel (BLAS sgemm's contract:
// beta = 0 ignores C's old contents, NaN included). A work-group computes a TS×TS tile of C; each work-item a
// WPT×WPT block of it, strided by RTS so that neighbouring work-items touch neighbouring columns. op(A) and op(B)
// are staged through local memory TK values of k at a time, zero past the edges, so any shape is exact.
// TS, WPT and TK come from the host (-D), chosen per device.
#define RTS (TS / WPT)

__kernel __attribute__((reqd_work_group_size(RTS, RTS, 1)))
void gemm(const int transA, const int transB, const int M, const int N, const int K, const float alpha,
          const __global float* A, const int aOff, const __global float* B, const int bOff,
          const float beta, __global float* C, const int cOff)
{
    const int tr = get_local_id(0), tc = get_local_id(1);
    const int row0 = get_group_id(0) * TS, col0 = get_group_id(1) * TS;
    const int id = tr * RTS + tc;
    __local float As[TK][TS];
    __local float Bs[TK][TS];
    float acc[WPT][WPT];
    for (int i = 0; i < WPT; i++)
        for (int j = 0; j < WPT; j++) acc[i][j] = 0.0f;

    for (int t = 0; t < K; t += TK) {
        for (int l = id; l < TS * TK; l += RTS * RTS) {
            // A: consecutive work-items read consecutive k of a row (not transposed) or consecutive rows (transposed)
            const int i = transA ? l % TS : l / TK, p = transA ? l / TS : l % TK;
            const int gi = row0 + i, gp = t + p;
            As[p][i] = gi < M && gp < K ? (transA ? A[aOff + gp * M + gi] : A[aOff + gi * K + gp]) : 0.0f;
        }
        for (int l = id; l < TS * TK; l += RTS * RTS) {
            const int j = transB ? l / TK : l % TS, p = transB ? l % TK : l / TS;
            const int gj = col0 + j, gp = t + p;
            Bs[p][j] = gj < N && gp < K ? (transB ? B[bOff + gj * K + gp] : B[bOff + gp * N + gj]) : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < TK; p++) {
            float b[WPT];
            for (int j = 0; j < WPT; j++) b[j] = Bs[p][tc + j * RTS];
            for (int i = 0; i < WPT; i++) {
                const float a = As[p][tr + i * RTS];
                for (int j = 0; j < WPT; j++) acc[i][j] = fma(a, b[j], acc[i][j]);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }

    for (int i = 0; i < WPT; i++)
        for (int j = 0; j < WPT; j++) {
            const int gi = row0 + tr + i * RTS, gj = col0 + tc + j * RTS;
            if (gi < M && gj < N) {
                const int e = cOff + gi * N + gj;
                C[e] = beta == 0.0f ? alpha * acc[i][j] : fma(beta, C[e], alpha * acc[i][j]);
            }
        }
}
