namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Direct convolution for stride 1, dilation 1 and one group: the kernels read zero-padded bands of input rows and
/// keep an output tile (or, for the weight gradient, lane-wise partial sums) in vector registers, so no column
/// matrix is built. Work items own disjoint outputs and each sums in a fixed order, so results are bit-identical for
/// any thread count.
/// </summary>
internal static unsafe class DirectConv
{
    /// <summary>
    /// The kernels pad bands of rows into per-worker scratch; where even one row's band would exceed this many floats
    /// im2col goes instead, whose buffers are per image.
    /// </summary>
    private const long MaxBandLength = 1L << 26;

    /// <summary>Whether the direct kernels compute this convolution (and its two backward passes).</summary>
    public static bool Applies(in ConvShape s) =>
        s.Groups == 1 && s.StrideH == 1 && s.StrideW == 1 && s.DilationH == 1 && s.DilationW == 1
        && s.OutH == s.H + 2 * s.PadH - s.KH + 1 && s.OutW == s.W + 2 * s.PadW - s.KW + 1
        && BandLength(s.Cin, s.OutW, s.KH, s.KW) <= MaxBandLength
        && BandLength(s.Cout, s.W, s.KH, s.KW) <= MaxBandLength;

    /// <summary>
    /// Whether <see cref="Conv2dKernels.Forward"/> should run directly. Measured on U-Net and small-CNN layers
    /// (3×3, AVX-512): direct wins 1.2–3× from 16 input channels up; with one input channel both are bound by the
    /// output's memory traffic and im2col is slightly ahead, and a 1×1 convolution needs no im2col at all.
    /// </summary>
    public static bool PrefersForward(in ConvShape s) => Worthwhile(s) && s.Cin >= 4 && s.Cout >= 8;

    /// <summary>
    /// The adjoint's output channels are the layer's input channels: with one (a network's first layer) a vector
    /// block would be mostly empty, and rows narrower than a vector waste lanes; im2col wins there. From 16-pixel
    /// rows direct is ahead also when the layer widens its channels: 16→32 on 24×24 (batch 32) 1.6–1.9× and 32→64 on
    /// 32×32 (batch 8) 1.3× faster than im2col, on one and two threads (AVX-512).
    /// </summary>
    public static bool PrefersBackwardData(in ConvShape s) => Worthwhile(s) && s.Cin >= 8 && s.W >= 16;

    /// <summary>
    /// Direct wins 1.3–8× on wide rows and few input channels; from 64 input channels on 16-pixel rows the GEMM's
    /// larger register block is ahead, as it is for rows narrower than one vector. On 32-pixel rows the three-tap
    /// kernels are ahead of the GEMM, AVX-512's by about 7%, AVX2's by 20–40% (64 → 64 and 128 → 64 on 32², batch 8,
    /// Zen 3); the generic tap kernels are not.
    /// </summary>
    public static bool PrefersBackwardWeight(in ConvShape s) =>
        Worthwhile(s) && (s.OutW >= 64 || (s.Cin <= 32 && s.OutW >= 16) || (s.OutW >= 32 && s.KW == 3));

    private static SgemmKernelKind Checked(SgemmKernelKind kind) => Sgemm.IsSupported(kind)
        ? kind
        : throw new InvalidOperationException($"DirectConv: the {kind} kernels need instructions this machine lacks.");

    private static bool Worthwhile(in ConvShape s) =>
        Sgemm.BestKernel != SgemmKernelKind.Scalar && !s.IsPointwise && Applies(s);

    public static void Forward(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> input,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads) =>
        DirectConvForward.Run(Checked(kind), new DirectConvProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout,
            s.OutH, s.OutW, s.KH, s.KW, false), input, weight, bias, relu, output, threads);

    /// <summary>As <see cref="Forward"/>, reading the input's channels from where <paramref name="input"/> says they lie.</summary>
    public static void Forward(SgemmKernelKind kind, in ConvShape s, ChannelPlanes input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        var p = new DirectConvProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout, s.OutH, s.OutW, s.KH, s.KW, false);
        fixed (float* dst = output)
        {
            DirectConvForward.Run(Checked(kind), p, input, weight, bias, relu, ChannelPlanes.Whole(dst), threads,
                DirectConvForward.BandRows(p));
        }
    }

    /// <summary>
    /// As <see cref="BackwardData(SgemmKernelKind, in ConvShape, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int)"/>,
    /// writing each input channel's gradient where <paramref name="gradInput"/> says it lies; a split must fall on a
    /// multiple of <see cref="DirectConvForward.BlockChannels"/>.
    /// </summary>
    public static void BackwardData(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, ChannelPlanes gradInput, int threads)
    {
        var p = new DirectConvProblem(s.N, s.Cout, s.OutH, s.OutW, s.KH - 1 - s.PadH, s.KW - 1 - s.PadW, s.Cin, s.H,
            s.W, s.KH, s.KW, true);
        fixed (float* g = gradOutput)
        {
            DirectConvForward.Run(Checked(kind), p, ChannelPlanes.Whole(g), weight, ReadOnlySpan<float>.Empty, false,
                gradInput, threads, DirectConvForward.BandRows(p));
        }
    }

    /// <summary>
    /// Overwrites <paramref name="gradInput"/>: for stride 1 the adjoint is the forward correlation of the output
    /// gradient, padded by K − 1 − pad, with the kernel rotated by 180° and its channel axes swapped.
    /// </summary>
    public static void BackwardData(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, Span<float> gradInput, int threads) =>
        DirectConvForward.Run(Checked(kind), new DirectConvProblem(s.N, s.Cout, s.OutH, s.OutW, s.KH - 1 - s.PadH,
            s.KW - 1 - s.PadW, s.Cin, s.H, s.W, s.KH, s.KW, true), gradOutput, weight, ReadOnlySpan<float>.Empty,
            false, gradInput, threads);

    /// <summary>Overwrites <paramref name="gradWeight"/> and, unless it is empty, <paramref name="gradBias"/>.</summary>
    public static void BackwardWeight(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, int threads, Span<float> gradBias = default) =>
        DirectConvWeightGrad.Run(Checked(kind), s, gradOutput, input, gradWeight, gradBias, threads);

    /// <summary>As <see cref="BackwardWeight(SgemmKernelKind, in ConvShape, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, Span{float})"/>, reading the input's channels from where <paramref name="input"/> says they lie.</summary>
    public static void BackwardWeight(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ChannelPlanes input, Span<float> gradWeight, int threads, Span<float> gradBias) =>
        DirectConvWeightGrad.Run(Checked(kind), s, gradOutput, input, gradWeight, gradBias, threads, unpaddedRows: true);

    /// <summary>Floats in the padded rows of c channels that one output row of width outW reads.</summary>
    private static long BandLength(int c, int outW, int kh, int kw) =>
        (long)c * kh * DirectConvPadding.RowStride(outW, kw);
}
