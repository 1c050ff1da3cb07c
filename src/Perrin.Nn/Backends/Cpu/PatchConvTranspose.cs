using System.Buffers;
using System.Numerics.Tensors;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Transposed convolutions whose kernel equals the stride (no padding, dilation, output padding or groups), such as
/// U-Net's 2×2 stride-2 up-sampler: every input pixel writes its own KH×KW patch, so the forward pass is one GEMM
/// Y[(co, a, b), p] = Σ_ci W[ci, (co, a, b)]·X[ci, p] followed by an interleaving scatter, with no overlap to add up
/// and no im2col buffer to clear. Work items are blocks of input rows of one image, sized so that the tap matrix of a
/// block stays in L2 between the GEMM and the scatter. Forward and data gradient equal the im2col path bit for bit.
/// </summary>
internal static unsafe class PatchConvTranspose
{
    /// <summary>Input pixels per row block to aim for.</summary>
    private const int TargetColumns = 512;

    public static bool Applies(ConvTranspose2dGeometry g) =>
        g.KH == g.StrideH && g.KW == g.StrideW && g.PadH == 0 && g.PadW == 0 && g.OutputPadH == 0
        && g.OutputPadW == 0 && g.DilationH == 1 && g.DilationW == 1 && g.Groups == 1;

    /// <summary>Overwrites <paramref name="output"/> with the transposed convolution, bias and optional ReLU.</summary>
    public static void Forward(ConvTranspose2dGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        var rows = RowsPerBlock(g);
        var blocks = (g.H + rows - 1) / rows;
        var items = g.N * blocks;
        if (items == 0) return;
        var (workers, gemmThreads) = Split(items, threads);
        int m = g.Cout * g.KH * g.KW, p = g.H * g.W;
        fixed (float* px = input, pw = weight, pb = bias, py = output)
        {
            var x = new PinnedSpan<float>(px, input.Length);
            var w = new PinnedSpan<float>(pw, weight.Length);
            var biasAt = pb;
            var y = py;
            CpuParallel.For(items, workers, m * rows * g.W, (item, scratch) =>
            {
                var (n, r0) = (item / blocks, item % blocks * rows);
                var count = Math.Min(rows, g.H - r0);
                var cols = count * g.W;
                var taps = scratch.AsSpan(0, m * cols);
                Sgemm.Multiply(true, false, m, cols, g.Cin, 1f, w.Slice(0, w.Length), m,
                    x.Slice(n * g.Cin * p + r0 * g.W, (g.Cin - 1) * p + cols), p, 0f, taps, cols, gemmThreads);
                fixed (float* t = taps)
                {
                    Scatter(g, t, cols, n, r0, count, biasAt, relu, y);
                }
            });
        }
    }

    /// <summary>Overwrites <paramref name="gradInput"/>: a de-interleaving gather of the output gradient, then one GEMM per block.</summary>
    public static void BackwardData(ConvTranspose2dGeometry g, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        Span<float> gradInput, int threads)
    {
        var rows = RowsPerBlock(g);
        var blocks = (g.H + rows - 1) / rows;
        var items = g.N * blocks;
        if (items == 0) return;
        var (workers, gemmThreads) = Split(items, threads);
        int m = g.Cout * g.KH * g.KW, p = g.H * g.W;
        fixed (float* pg = gradOutput, pw = weight, pd = gradInput)
        {
            var w = new PinnedSpan<float>(pw, weight.Length);
            var dx = new PinnedSpan<float>(pd, gradInput.Length);
            var dy = pg;
            CpuParallel.For(items, workers, m * rows * g.W, (item, scratch) =>
            {
                var (n, r0) = (item / blocks, item % blocks * rows);
                var count = Math.Min(rows, g.H - r0);
                var cols = count * g.W;
                var taps = scratch.AsSpan(0, m * cols);
                fixed (float* t = taps)
                {
                    Gather(g, dy, n, r0, count, t, cols);
                }
                Sgemm.Multiply(false, false, g.Cin, cols, m, 1f, w.Slice(0, w.Length), m, taps, cols, 0f,
                    dx.Slice(n * g.Cin * p + r0 * g.W, (g.Cin - 1) * p + cols), p, gemmThreads);
            });
        }
    }

    /// <summary>
    /// Overwrites <paramref name="gradWeight"/> with Σ over images of X·Gᵀ and, unless it is empty,
    /// <paramref name="gradBias"/> with the channel sums of the gathered gradient. Each image's sums run over its row
    /// blocks in order into its own slot; the slots of a wave of images are then added in image order, so the result
    /// does not depend on how many images run at once.
    /// </summary>
    public static void BackwardWeight(ConvTranspose2dGeometry g, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias, int threads)
    {
        if (g.N == 0)
        {
            gradWeight.Clear();
            gradBias.Clear();
            return;
        }
        var rows = RowsPerBlock(g);
        var withBias = !gradBias.IsEmpty;
        int kk = g.KH * g.KW, m = g.Cout * kk, p = g.H * g.W, weights = g.Cin * m, length = weights + g.Cout;
        var (workers, gemmThreads) = Split(g.N, threads);
        var wave = Math.Min(g.N, workers);
        var slots = ArrayPool<float>.Shared.Rent(wave * length);
        try
        {
            fixed (float* pg = gradOutput, px = input, ps = slots)
            {
                var x = new PinnedSpan<float>(px, input.Length);
                var slot = new PinnedSpan<float>(ps, wave * length);
                var dy = pg;
                for (var first = 0; first < g.N; first += wave)
                {
                    var count = Math.Min(wave, g.N - first);
                    var start = first;
                    CpuParallel.For(count, workers, m * rows * g.W, (i, scratch) =>
                    {
                        var n = start + i;
                        var target = slot.Slice(i * length, length);
                        for (var r0 = 0; r0 < g.H; r0 += rows)
                        {
                            var cols = Math.Min(rows, g.H - r0) * g.W;
                            var taps = scratch.AsSpan(0, m * cols);
                            fixed (float* t = taps)
                            {
                                Gather(g, dy, n, r0, cols / g.W, t, cols);
                            }
                            Sgemm.Multiply(false, true, g.Cin, m, cols, 1f,
                                x.Slice(n * g.Cin * p + r0 * g.W, (g.Cin - 1) * p + cols), p, taps, cols,
                                r0 == 0 ? 0f : 1f, target[..weights], m, gemmThreads);
                            if (!withBias) continue;
                            for (var co = 0; co < g.Cout; co++)
                            {
                                var sum = TensorPrimitives.Sum(taps.Slice(co * kk * cols, kk * cols));
                                target[weights + co] = r0 == 0 ? sum : target[weights + co] + sum;
                            }
                        }
                    });
                    for (var i = 0; i < count; i++)
                    {
                        var partial = slots.AsSpan(i * length, weights);
                        var bias = slots.AsSpan(i * length + weights, g.Cout);
                        if (first + i == 0)
                        {
                            partial.CopyTo(gradWeight);
                            if (withBias) bias.CopyTo(gradBias);
                        }
                        else
                        {
                            TensorPrimitives.Add(gradWeight, partial, gradWeight);
                            if (withBias) TensorPrimitives.Add(gradBias, bias, gradBias);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(slots);
        }
    }

    /// <summary>Writes the taps of input rows [r0, r0 + count) of image n into their KH×KW patches of the output.</summary>
    private static void Scatter(ConvTranspose2dGeometry g, float* taps, int cols, int n, int r0, int count, float* bias,
        bool relu, float* output)
    {
        var kk = g.KH * g.KW;
        for (var co = 0; co < g.Cout; co++)
        {
            var b = bias == null ? 0f : bias[co];
            var plane = output + (nint)(n * g.Cout + co) * g.OutH * g.OutW;
            for (var a = 0; a < g.KH; a++)
            {
                var tapRows = taps + (nint)(co * kk + a * g.KW) * cols;
                for (var i = 0; i < count; i++)
                {
                    PatchInterleave.Interleave(tapRows + i * g.W, cols, g.KW, g.W, b, relu,
                        plane + (nint)((r0 + i) * g.KH + a) * g.OutW);
                }
            }
        }
    }

    /// <summary>Lays the output gradient of input rows [r0, r0 + count) of image n out as the tap matrix [Cout·KH·KW, count·W].</summary>
    private static void Gather(ConvTranspose2dGeometry g, float* gradOutput, int n, int r0, int count, float* taps, int cols)
    {
        var kk = g.KH * g.KW;
        for (var co = 0; co < g.Cout; co++)
        {
            var plane = gradOutput + (nint)(n * g.Cout + co) * g.OutH * g.OutW;
            for (var a = 0; a < g.KH; a++)
            {
                var tapRows = taps + (nint)(co * kk + a * g.KW) * cols;
                for (var i = 0; i < count; i++)
                {
                    PatchInterleave.Deinterleave(plane + (nint)((r0 + i) * g.KH + a) * g.OutW, g.KW, g.W,
                        tapRows + i * g.W, cols);
                }
            }
        }
    }

    private static int RowsPerBlock(ConvTranspose2dGeometry g) =>
        Math.Clamp((TargetColumns + g.W - 1) / g.W, 1, g.H);

    private static (int Workers, int GemmThreads) Split(int items, int threads)
    {
        threads = Math.Max(1, threads);
        var workers = Math.Min(threads, items);
        return workers > 1 ? (workers, 1) : (1, threads);
    }
}
