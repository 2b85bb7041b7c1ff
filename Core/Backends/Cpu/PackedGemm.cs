using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// Float GEMM the BLIS way (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", 2008):
/// op(B) is packed into KC×NR column panels and op(A) into MR×KC row panels, so that the micro-kernel streams
/// both from contiguous memory, and an MR×NR tile of C stays in registers for the whole KC loop. KC, MC, NC size
/// the packed blocks for L1, L2 and L3. Transposes are absorbed by the packing: one macro- and micro-kernel for
/// the four cases. Each element of C is summed in the same order (k in KC blocks, ascending, one FMA at a time)
/// whichever column range a thread is given, so the result does not depend on the thread count.
/// </summary>
sealed unsafe class PackedGemm
{
    const int KC = 256, MC = 96, NC = 2048;

    /// <summary>Below this many multiply-adds the packing costs more than it saves: the simple loops run instead.</summary>
    public const long SmallestPacked = 8 * 1024;

    readonly int mr, nr;
    // pinned for the object's life and used from a 64-byte boundary: every micro-kernel load of a packed panel
    // is then one cache line, never two
    readonly float[] packedA, packedB;
    readonly int offsetA, offsetB;

    PackedGemm(int mr, int nr)
    {
        this.mr = mr;
        this.nr = nr;
        packedA = GC.AllocateArray<float>(MC * KC + 64, pinned: true);
        packedB = GC.AllocateArray<float>(KC * NC + 64, pinned: true);
        offsetA = ToCacheLine(packedA);
        offsetB = ToCacheLine(packedB);
    }

    /// <summary>A GEMM with its own packing buffers (one per thread), or null when no vector unit helps.</summary>
    public static PackedGemm? ForThisMachine() =>
        Vector512.IsHardwareAccelerated ? new PackedGemm(8, 32)
        : Vector256.IsHardwareAccelerated ? new PackedGemm(6, 16)
        : null;

    static int ToCacheLine(float[] pinned)
    {
        fixed (float* p = pinned) return (int)((64 - (nint)p % 64) % 64 / sizeof(float));
    }

    /// <summary>The column-panel width: thread splits of n are multiples of it.</summary>
    public int PanelWidth => nr;

    /// <summary>
    /// C[:, j0..j1) = α·op(A)·op(B)[:, j0..j1) + (<paramref name="overwrite"/> ? 0 : C) — C already scaled by β
    /// unless β = 0 and it is overwritten, so its old contents (NaN included) never count; A is m×k (k×m when
    /// transposed), B k×n (n×k when transposed), all row-major and dense, k ≥ 1. With <paramref name="transposedC"/>
    /// the m×n product is stored as its transpose (element (i, j) at c[j·m + i]): a caller computes a product whose
    /// n is narrower than a panel as Cᵀ = op(B)ᵀ·op(A)ᵀ, the same sums of the same products in the same order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(bool transA, bool transB, int m, int n, int k, float alpha, float* a, float* b, float* c, int j0, int j1, bool overwrite, bool transposedC = false)
    {
        var (rowStride, colStride) = transposedC ? (1, m) : (n, 1);
        if (k <= ThinK && !transposedC && (long)k * (j1 - j0) <= KC * NC)
        {
            MultiplyThinK(transA, transB, m, n, k, alpha, a, b, c, j0, j1, overwrite);
            return;
        }
        fixed (float* a0 = packedA, b0 = packedB)
        {
            float* pa = a0 + offsetA, pb = b0 + offsetB;
            for (var jc = j0; jc < j1; jc += NC)
            {
                var nc = Math.Min(NC, j1 - jc);
                for (var pc = 0; pc < k; pc += KC)
                {
                    var kc = Math.Min(KC, k - pc);
                    PackB(transB, b, n, k, pc, kc, jc, nc, pb);
                    for (var ic = 0; ic < m; ic += MC)
                    {
                        var mcb = Math.Min(MC, m - ic);
                        PackA(transA, a, m, k, ic, mcb, pc, kc, pa);
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var cols = Math.Min(nr, nc - jr);
                            var panelB = pb + (long)jr * kc;
                            for (var ir = 0; ir < mcb; ir += mr)
                            {
                                var rows = Math.Min(mr, mcb - ir);
                                var tile = c + (long)(ic + ir) * rowStride + (long)(jc + jr) * colStride;
                                var add = !(overwrite && pc == 0); // the first k block writes C, the others add to it
                                if (nr == 32) Kernel8x32(kc, pa + (long)ir * kc, panelB, tile, rowStride, colStride, alpha, rows, cols, add);
                                else Kernel6x16(kc, pa + (long)ir * kc, panelB, tile, rowStride, colStride, alpha, rows, cols, add);
                            }
                        }
                    }
                }
            }
        }
    }

    // A network's first layer on 2-D points has k = 2: packing panels for two multiply-adds a tile costs more
    // than the products; these go row by row instead
    const int ThinK = 4;

    /// <summary>
    /// k ≤ <see cref="ThinK"/>: op(B)'s k rows (of columns j0..j1) are copied out contiguous, then each row of C is
    /// α·Σ_p op(A)[i, p]·op(B)[p, :], the p in order, one FMA chain per element, 8 columns a vector.
    /// </summary>
    void MultiplyThinK(bool transA, bool transB, int m, int n, int k, float alpha, float* a, float* b, float* c, int j0, int j1, bool overwrite)
    {
        var width = j1 - j0;
        fixed (float* b0 = packedB)
        {
            var rowsB = b0 + offsetB;
            for (var p = 0; p < k; p++)
                for (var j = 0; j < width; j++)
                    rowsB[p * width + j] = transB ? b[(long)(j0 + j) * k + p] : b[(long)p * n + j0 + j];
            var x = stackalloc float[ThinK];
            var s = Vector256.Create(alpha);
            for (var i = 0; i < m; i++)
            {
                for (var p = 0; p < k; p++) x[p] = transA ? a[(long)p * m + i] : a[(long)i * k + p];
                var row = c + (long)i * n + j0;
                var j = 0;
                for (; j <= width - 8; j += 8)
                {
                    var acc = Vector256<float>.Zero;
                    for (var p = 0; p < k; p++) acc = Vector256.FusedMultiplyAdd(Vector256.Create(x[p]), Vector256.Load(rowsB + p * width + j), acc);
                    (overwrite ? Vector256.FusedMultiplyAdd(s, acc, Vector256<float>.Zero) : Vector256.FusedMultiplyAdd(s, acc, Vector256.Load(row + j))).Store(row + j);
                }
                for (; j < width; j++)
                {
                    var acc = 0f;
                    for (var p = 0; p < k; p++) acc = MathF.FusedMultiplyAdd(x[p], rowsB[p * width + j], acc);
                    row[j] = MathF.FusedMultiplyAdd(alpha, acc, overwrite ? 0f : row[j]);
                }
            }
        }
    }

    /// <summary>op(B)[pc..pc+kc, jc..jc+nc) as panels of nr columns: panel q holds, for each p, its nr values (zero past n).</summary>
    void PackB(bool transB, float* b, int n, int k, int pc, int kc, int jc, int nc, float* dst)
    {
        for (var jr = 0; jr < nc; jr += nr)
        {
            var cols = Math.Min(nr, nc - jr);
            var panel = dst + (long)jr * kc;
            if (!transB)
            {
                for (var p = 0; p < kc; p++)
                {
                    var row = panel + (long)p * nr;
                    var src = b + (long)(pc + p) * n + jc + jr;
                    // nr is 16 or 32: whole vectors, no call per row
                    if (cols == nr) for (var q = 0; q < nr; q += 8) Vector256.Store(Vector256.Load(src + q), row + q);
                    else
                    {
                        for (var j = 0; j < cols; j++) row[j] = src[j];
                        for (var j = cols; j < nr; j++) row[j] = 0;
                    }
                }
            }
            else
            {
                // B is n×k, op(B)[p, j] = B[j, p]: a full panel is transposed in 8×8 blocks, the rest element by element
                var blocked = cols == nr && Avx.IsSupported ? kc & ~7 : 0;
                for (var j8 = 0; j8 < cols && blocked > 0; j8 += 8)
                    for (var p = 0; p < blocked; p += 8)
                        Transpose8x8(b + (long)(jc + jr + j8) * k + pc + p, k, panel + (long)p * nr + j8, nr);
                for (var j = 0; j < cols; j++)
                {
                    var src = b + (long)(jc + jr + j) * k + pc;
                    for (var p = blocked; p < kc; p++) panel[(long)p * nr + j] = src[p];
                }
                if (cols < nr)
                    for (var p = 0; p < kc; p++)
                        for (var j = cols; j < nr; j++) panel[(long)p * nr + j] = 0;
            }
        }
    }

    /// <summary>op(A)[ic..ic+mc, pc..pc+kc) as panels of mr rows: panel holds, for each p, its mr values (zero past m).</summary>
    void PackA(bool transA, float* a, int m, int k, int ic, int mc, int pc, int kc, float* dst)
    {
        for (var ir = 0; ir < mc; ir += mr)
        {
            var rows = Math.Min(mr, mc - ir);
            var panel = dst + (long)ir * kc;
            if (!transA)
            {
                // op(A)[i, p] = A[i, p]: a full panel of 8 rows is transposed in 8×8 blocks, the rest element by element
                var blocked = rows == 8 && mr == 8 && Avx.IsSupported ? kc & ~7 : 0;
                for (var p = 0; p < blocked; p += 8) Transpose8x8(a + (long)(ic + ir) * k + pc + p, k, panel + (long)p * mr, mr);
                for (var i = 0; i < rows; i++)
                {
                    var src = a + (long)(ic + ir + i) * k + pc;
                    for (var p = blocked; p < kc; p++) panel[(long)p * mr + i] = src[p];
                }
            }
            else
            {
                // A is k×m: op(A)[i, p] = A[p, i], a row of A gives the panel's p-th group directly
                for (var p = 0; p < kc; p++)
                {
                    var src = a + (long)(pc + p) * m + ic + ir;
                    var group = panel + (long)p * mr;
                    if (rows == 8 && mr == 8) Vector256.Store(Vector256.Load(src), group);
                    else for (var i = 0; i < rows; i++) group[i] = src[i];
                }
            }
            if (rows < mr)
                for (var p = 0; p < kc; p++)
                    for (var i = rows; i < mr; i++) panel[(long)p * mr + i] = 0;
        }
    }

    /// <summary>d[c·ld + r] = s[r·ls + c] for an 8×8 block: eight row loads, the standard unpack–shuffle–permute network, eight stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Transpose8x8(float* s, long ls, float* d, long ld)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + ls);
        var r2 = Avx.LoadVector256(s + 2 * ls);
        var r3 = Avx.LoadVector256(s + 3 * ls);
        var r4 = Avx.LoadVector256(s + 4 * ls);
        var r5 = Avx.LoadVector256(s + 5 * ls);
        var r6 = Avx.LoadVector256(s + 6 * ls);
        var r7 = Avx.LoadVector256(s + 7 * ls);
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(d + ld, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(d + 2 * ld, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(d + 3 * ld, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(d + 4 * ld, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(d + 5 * ld, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(d + 6 * ld, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(d + 7 * ld, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>Adds α·acc to (or writes it into) the rows × cols corner of a C tile, fused as the full tiles are: edge tiles go through a scratch tile.</summary>
    static void AddEdge(float* scratch, int width, float* c, int ldc, int colStride, float alpha, int rows, int cols, bool add)
    {
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var e = c + (long)i * ldc + (long)j * colStride;
                *e = MathF.FusedMultiplyAdd(alpha, scratch[i * width + j], add ? *e : 0f);
            }
    }

    /// <summary>8×32 tile, 16 zmm accumulators: per p, two loads of B, eight broadcasts of A, sixteen FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Kernel8x32(int kc, float* a, float* b, float* c, int ldc, int colStride, float alpha, int rows, int cols, bool add)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default,
            c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (var p = 0; p < kc; p++, a += 8, b += 32)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
        }
        var s = Vector512.Create(alpha);
        if (rows == 8 && cols == 32 && colStride == 1 && !add)
        {
            Write(c, c00, c01, s);
            Write(c + ldc, c10, c11, s);
            Write(c + 2L * ldc, c20, c21, s);
            Write(c + 3L * ldc, c30, c31, s);
            Write(c + 4L * ldc, c40, c41, s);
            Write(c + 5L * ldc, c50, c51, s);
            Write(c + 6L * ldc, c60, c61, s);
            Write(c + 7L * ldc, c70, c71, s);
            return;
        }
        if (rows == 8 && cols == 32 && colStride == 1)
        {
            Store(c, c00, c01, s);
            Store(c + ldc, c10, c11, s);
            Store(c + 2L * ldc, c20, c21, s);
            Store(c + 3L * ldc, c30, c31, s);
            Store(c + 4L * ldc, c40, c41, s);
            Store(c + 5L * ldc, c50, c51, s);
            Store(c + 6L * ldc, c60, c61, s);
            Store(c + 7L * ldc, c70, c71, s);
            return;
        }
        var scratch = stackalloc float[8 * 32];
        c00.Store(scratch); c01.Store(scratch + 16);
        c10.Store(scratch + 32); c11.Store(scratch + 48);
        c20.Store(scratch + 64); c21.Store(scratch + 80);
        c30.Store(scratch + 96); c31.Store(scratch + 112);
        c40.Store(scratch + 128); c41.Store(scratch + 144);
        c50.Store(scratch + 160); c51.Store(scratch + 176);
        c60.Store(scratch + 192); c61.Store(scratch + 208);
        c70.Store(scratch + 224); c71.Store(scratch + 240);
        AddEdge(scratch, 32, c, ldc, colStride, alpha, rows, cols, add);

        static void Store(float* row, Vector512<float> v0, Vector512<float> v1, Vector512<float> alpha)
        {
            Vector512.FusedMultiplyAdd(alpha, v0, Vector512.Load(row)).Store(row);
            Vector512.FusedMultiplyAdd(alpha, v1, Vector512.Load(row + 16)).Store(row + 16);
        }

        // α·acc + 0 rounds as α·acc alone: the same bits as the edge path's fused α·acc + 0
        static void Write(float* row, Vector512<float> v0, Vector512<float> v1, Vector512<float> alpha)
        {
            Vector512.FusedMultiplyAdd(alpha, v0, Vector512<float>.Zero).Store(row);
            Vector512.FusedMultiplyAdd(alpha, v1, Vector512<float>.Zero).Store(row + 16);
        }
    }

    /// <summary>6×16 tile for AVX2, 12 ymm accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc, int colStride, float alpha, int rows, int cols, bool add)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += 6, b += 16)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }
        var scratch = stackalloc float[6 * 16];
        c00.Store(scratch); c01.Store(scratch + 8);
        c10.Store(scratch + 16); c11.Store(scratch + 24);
        c20.Store(scratch + 32); c21.Store(scratch + 40);
        c30.Store(scratch + 48); c31.Store(scratch + 56);
        c40.Store(scratch + 64); c41.Store(scratch + 72);
        c50.Store(scratch + 80); c51.Store(scratch + 88);
        AddEdge(scratch, 16, c, ldc, colStride, alpha, rows, cols, add);
    }
}
