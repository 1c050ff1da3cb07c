using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// 3×3 valid convolution of a one-channel image (a network's first layer) with AVX-512: the nine shifted input rows
/// of a 16-pixel block stay in registers while every output channel takes its nine multiply-adds, so no column
/// matrix is built and the input is read once per row (batch 32, 51×51 → 16×49×49: about 5× faster than
/// im2col + GEMM, whose depth of nine leaves it bound by packing). Work items are images; each output element and
/// each image's partial weight gradient is summed in a fixed order, and the partials are added in image order, so
/// results do not depend on the thread count. A row's last block overlaps the one before it instead of leaving a
/// scalar tail.
/// </summary>
internal static unsafe class SingleChannelConv
{
    private const int Lanes = 16;
    private const int Taps = 9;

    public static bool Applies(in ConvShape s) =>
        Avx512F.IsSupported && s.Groups == 1 && s.Cin == 1 && s.KH == 3 && s.KW == 3
        && s.StrideH == 1 && s.StrideW == 1 && s.DilationH == 1 && s.DilationW == 1 && s.PadH == 0 && s.PadW == 0
        && s.OutH == s.H - 2 && s.OutW == s.W - 2 && s.OutW >= Lanes;

    public static void Forward(in ConvShape s, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        var shape = s;
        fixed (float* pi = input, pw = weight, pb = bias, po = output)
        {
            var (x, w, b, y) = ((nint)pi, (nint)pw, bias.IsEmpty ? 0 : (nint)pb, (nint)po);
            CpuParallel.For(s.N, threads, n => ForwardImage(shape, (float*)x + (nint)n * shape.InPlane,
                (float*)w, (float*)b, relu, (float*)y + (nint)n * shape.Cout * shape.P));
        }
    }

    /// <summary>Overwrites <paramref name="gradWeight"/> and, unless it is empty, <paramref name="gradBias"/>.</summary>
    public static void BackwardWeight(in ConvShape s, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias, int threads) =>
        BackwardWeight(s, gradOutput, ReadOnlySpan<float>.Empty, input, gradWeight, gradBias, threads);

    /// <summary>
    /// As <see cref="BackwardWeight(in ConvShape, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, int)"/>,
    /// counting the output gradient only where <paramref name="reluOutput"/> (unless empty) is positive: the fused
    /// ReLU's backward applied as the gradient is loaded, the same bits as masking it first without the extra pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardWeight(in ConvShape s, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> reluOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias, int threads)
    {
        var per = s.Cout * (Taps + 1);
        var partials = ArrayPool<float>.Shared.Rent(s.N * per);
        var shape = s;
        try
        {
            fixed (float* pg = gradOutput, py = reluOutput, pi = input, pp = partials)
            {
                var (g, y, x, part) = ((nint)pg, reluOutput.IsEmpty ? 0 : (nint)py, (nint)pi, (nint)pp);
                CpuParallel.For(s.N, threads, n => WeightImage(shape, (float*)g + (nint)n * shape.Cout * shape.P,
                    y == 0 ? null : (float*)y + (nint)n * shape.Cout * shape.P,
                    (float*)x + (nint)n * shape.InPlane, (float*)part + (nint)n * per));
            }
            var sums = partials.AsSpan(0, per);
            for (var n = 1; n < s.N; n++)
            {
                var next = partials.AsSpan(n * per, per);
                for (var i = 0; i < per; i++) sums[i] += next[i];
            }
            sums[..(s.Cout * Taps)].CopyTo(gradWeight);
            if (!gradBias.IsEmpty) sums.Slice(s.Cout * Taps, s.Cout).CopyTo(gradBias);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(partials);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardImage(ConvShape s, float* x, float* w, float* bias, bool relu, float* y)
    {
        int width = s.W, outW = s.OutW, plane = s.P;
        for (var oh = 0; oh < s.OutH; oh++)
        {
            for (var o = 0; o < outW; o += Lanes)
            {
                var at = Math.Min(o, outW - Lanes);
                var r0 = x + (oh * width) + at;
                var r1 = r0 + width;
                var r2 = r1 + width;
                var t0 = Vector512.Load(r0);
                var t1 = Vector512.Load(r0 + 1);
                var t2 = Vector512.Load(r0 + 2);
                var t3 = Vector512.Load(r1);
                var t4 = Vector512.Load(r1 + 1);
                var t5 = Vector512.Load(r1 + 2);
                var t6 = Vector512.Load(r2);
                var t7 = Vector512.Load(r2 + 1);
                var t8 = Vector512.Load(r2 + 2);
                var dst = y + (oh * outW) + at;
                for (var co = 0; co < s.Cout; co++, dst += plane)
                {
                    var k = w + (co * Taps);
                    var acc = bias == null ? Vector512<float>.Zero : Vector512.Create(bias[co]);
                    acc = Avx512F.FusedMultiplyAdd(t0, Vector512.Create(k[0]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t1, Vector512.Create(k[1]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t2, Vector512.Create(k[2]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t3, Vector512.Create(k[3]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t4, Vector512.Create(k[4]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t5, Vector512.Create(k[5]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t6, Vector512.Create(k[6]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t7, Vector512.Create(k[7]), acc);
                    acc = Avx512F.FusedMultiplyAdd(t8, Vector512.Create(k[8]), acc);
                    if (relu) acc = Avx512F.Max(acc, Vector512<float>.Zero);
                    acc.Store(dst);
                }
            }
        }
    }

    /// <summary>One image's weight gradient [Cout, 9] followed by its bias gradient [Cout]; <paramref name="relu"/> may be null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WeightImage(ConvShape s, float* g, float* relu, float* x, float* partial)
    {
        int width = s.W, outW = s.OutW, plane = s.P;
        // The overlapping last block counts only the lanes the block before it did not reach.
        var skip = Vector512.Create(Lanes - (outW - (((outW - 1) / Lanes) * Lanes)));
        var lastMask = Vector512.GreaterThanOrEqual(Vector512<int>.Indices, skip).AsSingle();
        for (var co = 0; co < s.Cout; co++)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default;
            Vector512<float> a5 = default, a6 = default, a7 = default, a8 = default, sum = default;
            var gc = g + (co * plane);
            var yc = relu == null ? null : relu + (co * plane);
            for (var oh = 0; oh < s.OutH; oh++)
            {
                for (var o = 0; o < outW; o += Lanes)
                {
                    var at = Math.Min(o, outW - Lanes);
                    var d = Vector512.Load(gc + (oh * outW) + at);
                    if (yc != null) d &= Vector512.GreaterThan(Vector512.Load(yc + (oh * outW) + at), Vector512<float>.Zero);
                    if (at != o) d &= lastMask;
                    var r0 = x + (oh * width) + at;
                    var r1 = r0 + width;
                    var r2 = r1 + width;
                    sum += d;
                    a0 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r0), a0);
                    a1 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r0 + 1), a1);
                    a2 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r0 + 2), a2);
                    a3 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r1), a3);
                    a4 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r1 + 1), a4);
                    a5 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r1 + 2), a5);
                    a6 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r2), a6);
                    a7 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r2 + 1), a7);
                    a8 = Avx512F.FusedMultiplyAdd(d, Vector512.Load(r2 + 2), a8);
                }
            }
            var k = partial + (co * Taps);
            k[0] = Vector512.Sum(a0);
            k[1] = Vector512.Sum(a1);
            k[2] = Vector512.Sum(a2);
            k[3] = Vector512.Sum(a3);
            k[4] = Vector512.Sum(a4);
            k[5] = Vector512.Sum(a5);
            k[6] = Vector512.Sum(a6);
            k[7] = Vector512.Sum(a7);
            k[8] = Vector512.Sum(a8);
            partial[(s.Cout * Taps) + co] = Vector512.Sum(sum);
        }
    }
}
