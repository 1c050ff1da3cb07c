namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Winograd convolution for 3×3 kernels with stride 1, dilation 1, one group and padding up to 2. F(2×2, 3×3) covers
/// the output with 2×2 tiles at 16 multiplies per tile and channel pair instead of 36, done as 16 GEMMs over blocks of
/// tiles; F(4×4, 3×3) with 4×4 tiles at 36 instead of 144, as 36 GEMMs. The transforms add float roundings: results
/// differ from the direct sum by ~1e-6 of the sum of |terms| with 2×2 tiles and ~1e-5 with 4×4 tiles, whose
/// transforms scale values by up to 8 and weights by 1/24.
/// </summary>
internal static class WinogradConv
{
    /// <summary>
    /// Floats of one block's buffers (transformed input and products): half the 1 MiB L2 of one core. Measured on
    /// U-Net layers, blocks of 64–128 tiles ran up to 3× faster than blocks filling the whole L2.
    /// </summary>
    private const int BlockFloats = 1 << 17;

    /// <summary>The micro-kernel's widest panel: blocks are whole panels so no product runs on a partial one.</summary>
    private const int PanelTiles = 64;

    public static bool Applies(in ConvShape s) =>
        s.Groups == 1 && s.KH == 3 && s.KW == 3 && s.StrideH == 1 && s.StrideW == 1
        && s.DilationH == 1 && s.DilationW == 1 && s.PadH <= 2 && s.PadW <= 2
        && s.OutH == s.H + 2 * s.PadH - 2 && s.OutW == s.W + 2 * s.PadW - 2
        && Padded(s.N, s.Cin, s.OutH, s.OutW) <= int.MaxValue / 2
        && Padded(s.N, s.Cout, s.H, s.W) <= int.MaxValue / 2;

    /// <summary>Outputs per row from which the AVX2 kernels take 4×4 tiles: 8 of them fill a vector.</summary>
    private const int WideRow = 32;

    /// <summary>
    /// The tile size for a kernel kind and a result <paramref name="outW"/> pixels wide: 4 where F(4×4, 3×3)
    /// transforms exist for the kind (AVX2) and a row holds a vector of 8 tiles, else 2. Measured on U-Net layers on
    /// Zen 3 (batch 8, one thread), 4×4 tiles take 20–35% less time than 2×2 tiles from 32-pixel rows, forward and
    /// input gradient: the products drop from 4 to 2.25 multiplies per output and the transforms store 2.25 values
    /// per output instead of 4 (32 → 32 on 64²: 4.6–5.0 against 6.1–7.2 ms; 128 → 128 on 32²: 12.3 against 17.5).
    /// On 16-pixel rows, whose 4 tiles fill half a vector, they were 10–20% slower.
    /// </summary>
    public static int TileFor(SgemmKernelKind kind, int outW) =>
        kind == SgemmKernelKind.Avx2 && outW >= WideRow ? 4 : 2;

    /// <summary>
    /// The kernels that run a layer whose results are <paramref name="rowWidth"/> pixels wide on a machine whose best
    /// are <paramref name="best"/>: AVX-512 has no F(4×4, 3×3) transforms, and on rows of 32 pixels and more the AVX2
    /// ones with 4×4 tiles beat its 2×2 tiles there too. Measured on an AVX-512 AMD EPYC (batch 8, one thread, forward
    /// and input gradient): 32 → 32 on 64² 3.5–3.6 against 4.5–4.6 ms, 128 → 128 on 32² 10.3–10.5 against 13.2–13.5,
    /// 64 → 32 on 64² 7.7 against 8.8–10.2; on 16² rows 2×2 tiles stay ahead (3.5–3.6 against 4.0–4.3).
    /// </summary>
    public static SgemmKernelKind KindFor(SgemmKernelKind best, int rowWidth) =>
        best == SgemmKernelKind.Avx512 && rowWidth >= WideRow ? SgemmKernelKind.Avx2 : best;

    /// <summary>
    /// Whether <see cref="Conv2dKernels"/> should use Winograd for the forward pass and the input gradient. Measured
    /// on U-Net layers (batch 8, one thread):
    /// - AVX-512: from 64 input and 32 output channels Winograd is 1.2–1.6× faster than the direct kernels in both
    ///   passes; with fewer channels its transforms cost more than the multiplies it saves.
    /// - AVX2 (Zen 3), whose direct kernel holds 4 output channels where AVX-512's holds 8: with 2×2 tiles, from 32
    ///   input and 32 output channels Winograd is 1.1–1.6× faster (32 → 32 on 64², 32 → 64 and 64 → 64 on 32²,
    ///   128 → 128 on 16²) and with 16 channels 1.1–1.3× slower. With 4×4 tiles (rows of 32 pixels and more) it is
    ///   ahead from 16 channels too: 16 → 16 on 128² 7.3 against 8.2 ms in both passes, 16 → 32 on 64² 3.3 against
    ///   4.0, 32 → 16 on 128² 13–16 against 21–24.
    /// - AVX-512 on rows of 32 pixels and more, which take the AVX2 4×4 tiles (<see cref="KindFor"/>): ahead of the
    ///   AVX-512 direct kernel from 16 channels as well, 16 → 32 on 64² 1.8–2.3 against 2.8–3.0 ms, 32 → 16 on 128²
    ///   8.8–10.3 against 11.8–12.8, and even at 16 → 16 on 128² (5.9–6.9 against 6.3–6.4).
    /// </summary>
    public static bool Prefers(in ConvShape s) => Sgemm.BestKernel switch
    {
        SgemmKernelKind.Avx512 => Applies(s) && (Math.Min(s.W, s.OutW) >= WideRow
            ? s.Cin >= 16 && s.Cout >= 16
            : s.Cin >= 64 && s.Cout >= 32),
        SgemmKernelKind.Avx2 => Applies(s) && (Math.Min(s.W, s.OutW) >= WideRow
            ? s.Cin >= 16 && s.Cout >= 16
            : s.Cin >= 32 && s.Cout >= 32),
        _ => false,
    };

    /// <summary>
    /// Whether <see cref="Conv2dKernels.Forward"/> should use Winograd: as <see cref="Prefers"/>, but on AVX-512 with
    /// 32 output channels on 64-pixel rows the direct kernel, reading its input in cached bands, measured 10% ahead
    /// (64→32 at 64×64, batch 8, one thread), while with 64 and more Winograd stayed 15–25% ahead. On AVX2 Winograd
    /// stays ahead there too (64 → 32 on 64²: 13.5–19 ms against 17–24).
    /// </summary>
    public static bool PrefersForward(in ConvShape s) =>
        Prefers(s) && (s.Cout >= 64 || KindFor(Sgemm.BestKernel, s.OutW) == SgemmKernelKind.Avx2);

    /// <summary>Tiles per block for these channel counts and tile size: whole panels, from 64 to 1024 tiles.</summary>
    public static int BlockTiles(int cIn, int cOut, int tile) =>
        Math.Clamp(BlockFloats / ((tile + 2) * (tile + 2) * (cIn + cOut)) / PanelTiles * PanelTiles, PanelTiles, 1024);

    public static void Forward(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> input,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads) =>
        Forward(kind, s, input, weight, bias, relu, output, threads, BlockTiles(s.Cin, s.Cout, TileFor(kind, s.OutW)));

    /// <summary>As above with a given block size, AVX-512 row pairing and tile size (by default the kind's).</summary>
    public static void Forward(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> input,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads,
        int blockTiles, bool pairRows = true, int? tile = null) =>
        WinogradEngine.Run(Checked(kind, tile), new WinogradProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout,
            s.OutH, s.OutW, false, blockTiles, pairRows, tile ?? TileFor(kind, s.OutW)), input, weight, bias, relu, output,
            threads);

    /// <summary>As <see cref="Forward(SgemmKernelKind, in ConvShape, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, bool, Span{float}, int)"/>, reading the input's channels from where <paramref name="input"/> says they lie.</summary>
    public static unsafe void Forward(SgemmKernelKind kind, in ConvShape s, ChannelPlanes input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        fixed (float* dst = output)
        {
            var tile = TileFor(kind, s.OutW);
            WinogradEngine.Run(Checked(kind), new WinogradProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout, s.OutH,
                s.OutW, false, BlockTiles(s.Cin, s.Cout, tile), Tile: tile), input, weight, bias, relu,
                ChannelPlanes.Whole(dst), threads);
        }
    }

    /// <summary>
    /// As <see cref="BackwardData(SgemmKernelKind, in ConvShape, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int)"/>,
    /// writing each input channel's gradient where <paramref name="gradInput"/> says it lies.
    /// </summary>
    public static unsafe void BackwardData(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, ChannelPlanes gradInput, int threads)
    {
        fixed (float* g = gradOutput)
        {
            var tile = TileFor(kind, s.W);
            WinogradEngine.Run(Checked(kind), new WinogradProblem(s.N, s.Cout, s.OutH, s.OutW, 2 - s.PadH, 2 - s.PadW,
                s.Cin, s.H, s.W, true, BlockTiles(s.Cout, s.Cin, tile), Tile: tile), ChannelPlanes.Whole(g), weight,
                ReadOnlySpan<float>.Empty, false, gradInput, threads);
        }
    }

    /// <summary>
    /// Overwrites <paramref name="gradInput"/>: the adjoint is the forward correlation of the output gradient, padded
    /// by 2 − pad, with the kernel rotated by 180° and its channel axes swapped.
    /// </summary>
    public static void BackwardData(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, Span<float> gradInput, int threads) =>
        BackwardData(kind, s, gradOutput, weight, gradInput, threads, BlockTiles(s.Cout, s.Cin, TileFor(kind, s.W)));

    /// <summary>As above with a given block size, AVX-512 row pairing and tile size (by default the kind's).</summary>
    public static void BackwardData(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, Span<float> gradInput, int threads, int blockTiles, bool pairRows = true,
        int? tile = null) =>
        WinogradEngine.Run(Checked(kind, tile), new WinogradProblem(s.N, s.Cout, s.OutH, s.OutW, 2 - s.PadH,
            2 - s.PadW, s.Cin, s.H, s.W, true, blockTiles, pairRows, tile ?? TileFor(kind, s.W)), gradOutput, weight,
            ReadOnlySpan<float>.Empty, false, gradInput, threads);

    /// <summary>The kind, when this machine runs it and it has transforms for the tile size asked for.</summary>
    private static SgemmKernelKind Checked(SgemmKernelKind kind, int? tile = null)
    {
        if (!Sgemm.IsSupported(kind))
            throw new InvalidOperationException($"WinogradConv: the {kind} transforms need instructions this machine lacks.");
        if (tile is not (null or 2 or 4))
            throw new ArgumentOutOfRangeException(nameof(tile), tile, "WinogradConv: tiles are 2×2 or 4×4.");
        if (tile == 4 && kind == SgemmKernelKind.Avx512)
            throw new ArgumentOutOfRangeException(nameof(tile), tile, "WinogradConv: there are no AVX-512 transforms for 4×4 tiles.");
        return kind;
    }

    /// <summary>Floats in the padded copy of an [n, c, ·, ·] source for an outH × outW result, for the larger tiles.</summary>
    private static long Padded(int n, int c, int outH, int outW) =>
        (long)n * c * (4 * ((outH + 3) / 4) + 2) * (4 * ((outW + 3) / 4) + 2 * WinogradProblem.Lanes);
}
