using System.Buffers;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Direct convolution for stride 1, dilation 1 and one group: the kernels read a zero-padded copy of the input and
/// keep an output tile (or, for the weight gradient, lane-wise partial sums) in vector registers, so no column
/// matrix is built. Work items own disjoint outputs and each sums in a fixed order, so results are bit-identical for
/// any thread count.
/// </summary>
internal static unsafe class DirectConv
{
    /// <summary>Padded copies beyond this many floats go to im2col instead, whose buffers are per image.</summary>
    private const long MaxPaddedLength = 1L << 28;

    /// <summary>Pixels per band of rows in the weight gradient: a band of 4+4 channels stays in the L1 cache.</summary>
    private const int BandPixels = 512;

    /// <summary>Whether the direct kernels compute this convolution (and its two backward passes).</summary>
    public static bool Applies(in ConvShape s) =>
        s.Groups == 1 && s.StrideH == 1 && s.StrideW == 1 && s.DilationH == 1 && s.DilationW == 1
        && s.OutH == s.H + 2 * s.PadH - s.KH + 1 && s.OutW == s.W + 2 * s.PadW - s.KW + 1
        && PaddedLength(s.N, s.Cin, s.OutH, s.OutW, s.KH, s.KW) <= MaxPaddedLength
        && PaddedLength(s.N, s.Cout, s.H, s.W, s.KH, s.KW) <= MaxPaddedLength;

    public static void Forward(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> input,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads) =>
        DirectConvForward.Run(kind, new DirectConvProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout,
            s.OutH, s.OutW, s.KH, s.KW, false), input, weight, bias, relu, output, threads);

    /// <summary>
    /// Overwrites <paramref name="gradInput"/>: for stride 1 the adjoint is the forward correlation of the output
    /// gradient, padded by K − 1 − pad, with the kernel rotated by 180° and its channel axes swapped.
    /// </summary>
    public static void BackwardData(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, Span<float> gradInput, int threads) =>
        DirectConvForward.Run(kind, new DirectConvProblem(s.N, s.Cout, s.OutH, s.OutW, s.KH - 1 - s.PadH,
            s.KW - 1 - s.PadW, s.Cin, s.H, s.W, s.KH, s.KW, true), gradOutput, weight, ReadOnlySpan<float>.Empty,
            false, gradInput, threads);

    public static void BackwardWeight(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, int threads) =>
        DirectConvWeightGrad.Run(kind, s, gradOutput, input, gradWeight, threads);

    /// <summary>Floats in the padded copy of an [n, c, ·, ·] tensor read by a kernel producing outH × outW.</summary>
    public static long PaddedLength(int n, int c, int outH, int outW, int kh, int kw) =>
        (long)n * c * (outH + kh - 1) * DirectConvPadding.RowStride(outW, kw);

    /// <summary>Pads all images into a pooled buffer (one item per image) and returns it; the caller returns it to the pool.</summary>
    public static float[] PadImages(float* src, int n, int c, int h, int w, int top, int left, int rows, int stride,
        int threads)
    {
        var plane = (long)rows * stride;
        var padded = ArrayPool<float>.Shared.Rent((int)(n * c * plane));
        fixed (float* p = padded)
        {
            var (from, to) = ((nint)src, (nint)p);
            CpuParallel.For(n, threads, i => DirectConvPadding.Copy((float*)from + (nint)i * c * h * w, c, h, w, top,
                left, (float*)to + i * c * plane, rows, stride));
        }
        return padded;
    }
}
