using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// im2col + GEMM convolution on a <see cref="ConvShape"/>. Work items are (image, group) pairs; every item writes
/// its own part of the output, and the weight gradient is summed over images in image order, so results are
/// bit-identical for any thread count. When there are fewer items than threads the threads go to the GEMM instead.
/// </summary>
internal static unsafe class ConvEngine
{
    public static void Forward(in ConvShape s, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        var items = s.N * s.Groups;
        if (items == 0) return;
        var (workers, gemmThreads) = Split(items, threads);
        var shape = s;
        fixed (float* pi = input, pw = weight, pb = bias, po = output)
        {
            var x = new PinnedSpan<float>(pi, input.Length);
            var w = new PinnedSpan<float>(pw, weight.Length);
            var b = new PinnedSpan<float>(pb, bias.Length);
            var y = new PinnedSpan<float>(po, output.Length);
            CpuParallel.For(items, workers, s.IsPointwise ? 0 : s.K * s.P, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (item, scratch) =>
            {
                var (n, g) = (item / shape.Groups, item % shape.Groups);
                int k = shape.K, p = shape.P;
                ReadOnlySpan<float> cols = x.Slice((n * shape.Cin + g * shape.CinG) * shape.InPlane, shape.CinG * shape.InPlane);
                if (!shape.IsPointwise)
                {
                    var buffer = scratch.AsSpan(0, k * p);
                    Im2Col.Unfold(shape, cols, buffer);
                    cols = buffer;
                }
                var rowBias = b.Length == 0 ? ReadOnlySpan<float>.Empty : b.Slice(g * shape.CoutG, shape.CoutG);
                Sgemm.Multiply(false, false, shape.CoutG, p, k, 1f, w.Slice(g * shape.CoutG * k, shape.CoutG * k), k,
                    cols, p, 0f, y.Slice((n * shape.Cout + g * shape.CoutG) * p, shape.CoutG * p), p,
                    rowBias, relu, gemmThreads);
            });
        }
    }

    /// <summary>Overwrites <paramref name="gradInput"/> with the data gradient.</summary>
    public static void BackwardData(in ConvShape s, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        Span<float> gradInput, int threads)
    {
        var items = s.N * s.Groups;
        if (items == 0) return;
        var (workers, gemmThreads) = Split(items, threads);
        var shape = s;
        fixed (float* pg = gradOutput, pw = weight, pd = gradInput)
        {
            var dy = new PinnedSpan<float>(pg, gradOutput.Length);
            var w = new PinnedSpan<float>(pw, weight.Length);
            var dx = new PinnedSpan<float>(pd, gradInput.Length);
            CpuParallel.For(items, workers, s.IsPointwise ? 0 : s.K * s.P, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (item, scratch) =>
            {
                var (n, g) = (item / shape.Groups, item % shape.Groups);
                int k = shape.K, p = shape.P;
                var target = dx.Slice((n * shape.Cin + g * shape.CinG) * shape.InPlane, shape.CinG * shape.InPlane);
                var cols = shape.IsPointwise ? target : scratch.AsSpan(0, k * p);
                Sgemm.Multiply(true, false, k, p, shape.CoutG, 1f, w.Slice(g * shape.CoutG * k, shape.CoutG * k), k,
                    dy.Slice((n * shape.Cout + g * shape.CoutG) * p, shape.CoutG * p), p, 0f, cols, p, gemmThreads);
                if (shape.IsPointwise) return;
                target.Clear();
                Im2Col.Fold(shape, cols, target);
            });
        }
    }

    /// <summary>
    /// Overwrites <paramref name="gradWeight"/> with Σ over images of gradOut·colᵀ. Images are processed in waves of
    /// one per worker into private slots, then the slots are added in image order: the same sums in the same order
    /// as with one thread.
    /// </summary>
    public static void BackwardWeight(in ConvShape s, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, int threads)
    {
        if (s.N == 0)
        {
            gradWeight.Clear();
            return;
        }
        var weightLength = s.Cout * s.K;
        var (workers, gemmThreads) = Split(s.N * s.Groups, threads);
        var wave = Math.Min(s.N, Math.Max(1, workers));
        var slots = ArrayPool<float>.Shared.Rent(wave * weightLength);
        var shape = s;
        try
        {
            fixed (float* pg = gradOutput, pi = input, ps = slots)
            {
                var dy = new PinnedSpan<float>(pg, gradOutput.Length);
                var x = new PinnedSpan<float>(pi, input.Length);
                var slot = new PinnedSpan<float>(ps, wave * weightLength);
                for (var first = 0; first < s.N; first += wave)
                {
                    var count = Math.Min(wave, s.N - first);
                    var start = first;
                    CpuParallel.For(count * s.Groups, workers, s.IsPointwise ? 0 : s.K * s.P, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (item, scratch) =>
                    {
                        var (i, g) = (item / shape.Groups, item % shape.Groups);
                        var n = start + i;
                        int k = shape.K, p = shape.P;
                        ReadOnlySpan<float> cols = x.Slice((n * shape.Cin + g * shape.CinG) * shape.InPlane, shape.CinG * shape.InPlane);
                        if (!shape.IsPointwise)
                        {
                            var buffer = scratch.AsSpan(0, k * p);
                            Im2Col.Unfold(shape, cols, buffer);
                            cols = buffer;
                        }
                        var gradRows = dy.Slice((n * shape.Cout + g * shape.CoutG) * p, shape.CoutG * p);
                        var target = slot.Slice(i * weightLength + g * shape.CoutG * k, shape.CoutG * k);
                        if (shape.CoutG < 6 || k < 16)
                        {
                            // A few output channels or taps leave the packed GEMM's 6-row tiles mostly empty; row
                            // dot products over the pixels stream both operands once instead.
                            for (var co = 0; co < shape.CoutG; co++)
                                for (var kk = 0; kk < k; kk++)
                                    target[co * k + kk] = TensorPrimitives.Dot(gradRows.Slice(co * p, p), cols.Slice(kk * p, p));
                        }
                        else
                        {
                            Sgemm.Multiply(false, true, shape.CoutG, k, p, 1f, gradRows, p, cols, p, 0f, target, k, gemmThreads);
                        }
                    });
                    for (var i = 0; i < count; i++)
                    {
                        var partial = slots.AsSpan(i * weightLength, weightLength);
                        if (first + i == 0) partial.CopyTo(gradWeight);
                        else TensorPrimitives.Add(gradWeight, partial, gradWeight);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(slots);
        }
    }

    /// <summary>Overwrites <paramref name="gradBias"/>[c] with the sum of channel c of the gradient over batch and space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardBias(int batch, int channels, int plane, ReadOnlySpan<float> gradOutput,
        Span<float> gradBias)
    {
        for (var c = 0; c < channels; c++)
        {
            var sum = 0f;
            for (var n = 0; n < batch; n++) sum += TensorPrimitives.Sum(gradOutput.Slice((n * channels + c) * plane, plane));
            gradBias[c] = sum;
        }
    }

    private static (int Workers, int GemmThreads) Split(int items, int threads)
    {
        threads = Math.Max(1, threads);
        var workers = Math.Min(threads, items);
        return workers > 1 ? (workers, 1) : (1, threads);
    }
}
