using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Max and average pooling on contiguous NCHW float buffers with PyTorch semantics (ceil_mode false; average pooling
/// counts padding, so it divides by KH·KW). Planes are independent work items, so results do not depend on
/// <c>threads</c>. Outputs are overwritten.
/// </summary>
public static unsafe class PoolingKernels
{
    /// <summary>
    /// Max pooling. <paramref name="indices"/> receives, per output, the flat index ih·W + iw of the chosen input in its
    /// plane (as PyTorch's return_indices). Ties go to the first element in row-major window order; NaN wins.
    /// </summary>
    public static void MaxPoolForward(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output,
        Span<int> indices, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "MaxPool2d.Forward";
        KernelChecks.Length(op, "input", input.Length, geometry.InputLength, geometry.InputDims);
        KernelChecks.Length(op, "output", output.Length, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Length(op, "indices", indices.Length, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Threads(op, threads);
        var g = geometry;
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        fixed (float* pi = input, po = output)
        fixed (int* pk = indices)
        {
            var x = new PinnedSpan<float>(pi, input.Length);
            var y = new PinnedSpan<float>(po, output.Length);
            var k = new PinnedSpan<int>(pk, indices.Length);
            CpuParallel.For(g.N * g.C, threads, plane =>
            {
                var src = x.Slice(plane * inPlane, inPlane);
                var dst = y.Slice(plane * outPlane, outPlane);
                var idx = k.Slice(plane * outPlane, outPlane);
                if (g.IsTwoByTwo) MaxPlaneTwoByTwo(g, src, dst, idx);
                else MaxPlane(g, src, dst, idx);
            });
        }
    }

    /// <summary>Scatters each output gradient to the input its index names; gradInput is overwritten.</summary>
    public static void MaxPoolBackward(Pool2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<int> indices,
        Span<float> gradInput, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "MaxPool2d.Backward";
        KernelChecks.Length(op, "output gradient", gradOutput.Length, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Length(op, "indices", indices.Length, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Length(op, "input gradient", gradInput.Length, geometry.InputLength, geometry.InputDims);
        KernelChecks.Threads(op, threads);
        int inPlane = geometry.H * geometry.W, outPlane = geometry.OutH * geometry.OutW;
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)inPlane)
                throw new ArgumentException($"{op}: index {indices[i]} at output {i} lies outside the {geometry.H}×{geometry.W} input plane.");
        }
        fixed (float* pg = gradOutput, pd = gradInput)
        fixed (int* pk = indices)
        {
            var dy = new PinnedSpan<float>(pg, gradOutput.Length);
            var dx = new PinnedSpan<float>(pd, gradInput.Length);
            var k = new PinnedSpan<int>(pk, indices.Length);
            CpuParallel.For(geometry.N * geometry.C, threads, plane =>
            {
                var src = dy.Slice(plane * outPlane, outPlane);
                var idx = k.Slice(plane * outPlane, outPlane);
                var dst = dx.Slice(plane * inPlane, inPlane);
                dst.Clear();
                for (var o = 0; o < src.Length; o++) dst[idx[o]] += src[o];
            });
        }
    }

    /// <summary>Average pooling; every window is divided by KH·KW (PyTorch's count_include_pad = true). No dilation.</summary>
    public static void AvgPoolForward(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "AvgPool2d.Forward";
        CheckAvg(op, geometry);
        KernelChecks.Length(op, "input", input.Length, geometry.InputLength, geometry.InputDims);
        KernelChecks.Length(op, "output", output.Length, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Threads(op, threads);
        var g = geometry;
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        fixed (float* pi = input, po = output)
        {
            var x = new PinnedSpan<float>(pi, input.Length);
            var y = new PinnedSpan<float>(po, output.Length);
            CpuParallel.For(g.N * g.C, threads, plane =>
            {
                var src = x.Slice(plane * inPlane, inPlane);
                var dst = y.Slice(plane * outPlane, outPlane);
                if (g.IsTwoByTwo) AvgPlaneTwoByTwo(g, src, dst);
                else AvgPlane(g, src, dst);
            });
        }
    }

    /// <summary>Spreads each output gradient divided by KH·KW over the window's in-image inputs; gradInput is overwritten.</summary>
    public static void AvgPoolBackward(Pool2dGeometry geometry, ReadOnlySpan<float> gradOutput, Span<float> gradInput,
        int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "AvgPool2d.Backward";
        CheckAvg(op, geometry);
        KernelChecks.Length(op, "output gradient", gradOutput.Length, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Length(op, "input gradient", gradInput.Length, geometry.InputLength, geometry.InputDims);
        KernelChecks.Threads(op, threads);
        var g = geometry;
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        fixed (float* pg = gradOutput, pd = gradInput)
        {
            var dy = new PinnedSpan<float>(pg, gradOutput.Length);
            var dx = new PinnedSpan<float>(pd, gradInput.Length);
            CpuParallel.For(g.N * g.C, threads, plane =>
                AvgPlaneBackward(g, dy.Slice(plane * outPlane, outPlane), dx.Slice(plane * inPlane, inPlane)));
        }
    }

    private static void CheckAvg(string op, Pool2dGeometry g)
    {
        if (g.DilationH != 1 || g.DilationW != 1)
            throw new ArgumentException($"{op}: average pooling has no dilation, got ({g.DilationH}, {g.DilationW}) for {g}.");
    }

    /// <summary>Maxima and winners of one plane by the general rule; shared with <see cref="MaxPoolRecompute"/>.</summary>
    internal static void MaxPlane(Pool2dGeometry g, ReadOnlySpan<float> x, Span<float> y, Span<int> idx)
    {
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var h0 = oh * g.StrideH - g.PadH;
            for (var ow = 0; ow < g.OutW; ow++)
            {
                var w0 = ow * g.StrideW - g.PadW;
                var max = float.NegativeInfinity;
                var at = -1;
                for (var kh = 0; kh < g.KH; kh++)
                {
                    var ih = h0 + kh * g.DilationH;
                    if ((uint)ih >= (uint)g.H) continue;
                    for (var kw = 0; kw < g.KW; kw++)
                    {
                        var iw = w0 + kw * g.DilationW;
                        if ((uint)iw >= (uint)g.W) continue;
                        var i = ih * g.W + iw;
                        var v = x[i];
                        if (at < 0) at = i;
                        if (v > max || float.IsNaN(v))
                        {
                            max = v;
                            at = i;
                        }
                    }
                }
                y[oh * g.OutW + ow] = max;
                idx[oh * g.OutW + ow] = at;
            }
        }
    }

    private static void MaxPlaneTwoByTwo(Pool2dGeometry g, ReadOnlySpan<float> x, Span<float> y, Span<int> idx)
    {
        int w = g.W, outW = g.OutW;
        _ = x[(2 * g.OutH - 1) * w + 2 * outW - 1];
        ref var x0 = ref MemoryMarshal.GetReference(x);
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var top = 2 * oh * w;
            var yRow = y.Slice(oh * outW, outW);
            var iRow = idx.Slice(oh * outW, outW);
            for (var ow = 0; ow < outW; ow++)
            {
                var i = top + 2 * ow;
                var max = Unsafe.Add(ref x0, i);
                var at = i;
                Take(Unsafe.Add(ref x0, i + 1), i + 1, ref max, ref at);
                Take(Unsafe.Add(ref x0, i + w), i + w, ref max, ref at);
                Take(Unsafe.Add(ref x0, i + w + 1), i + w + 1, ref max, ref at);
                yRow[ow] = max;
                iRow[ow] = at;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(float v, int i, ref float max, ref int at)
    {
        if (v > max || float.IsNaN(v))
        {
            max = v;
            at = i;
        }
    }

    private static void AvgPlane(Pool2dGeometry g, ReadOnlySpan<float> x, Span<float> y)
    {
        var divisor = (float)(g.KH * g.KW);
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var h0 = oh * g.StrideH - g.PadH;
            int hLo = Math.Max(h0, 0), hHi = Math.Min(h0 + g.KH, g.H);
            for (var ow = 0; ow < g.OutW; ow++)
            {
                var w0 = ow * g.StrideW - g.PadW;
                int wLo = Math.Max(w0, 0), wHi = Math.Min(w0 + g.KW, g.W);
                var sum = 0f;
                for (var ih = hLo; ih < hHi; ih++)
                {
                    var row = x.Slice(ih * g.W, g.W);
                    for (var iw = wLo; iw < wHi; iw++) sum += row[iw];
                }
                y[oh * g.OutW + ow] = sum / divisor;
            }
        }
    }

    /// <summary>Same sums in the same order as <see cref="AvgPlane"/>, without the window bookkeeping.</summary>
    private static void AvgPlaneTwoByTwo(Pool2dGeometry g, ReadOnlySpan<float> x, Span<float> y)
    {
        int w = g.W, outW = g.OutW;
        _ = x[(2 * g.OutH - 1) * w + 2 * outW - 1];
        ref var x0 = ref MemoryMarshal.GetReference(x);
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var top = 2 * oh * w;
            var yRow = y.Slice(oh * outW, outW);
            for (var ow = 0; ow < outW; ow++)
            {
                var i = top + 2 * ow;
                var sum = 0f + Unsafe.Add(ref x0, i);
                sum += Unsafe.Add(ref x0, i + 1);
                sum += Unsafe.Add(ref x0, i + w);
                sum += Unsafe.Add(ref x0, i + w + 1);
                yRow[ow] = sum / 4f;
            }
        }
    }

    private static void AvgPlaneBackward(Pool2dGeometry g, ReadOnlySpan<float> dy, Span<float> dx)
    {
        dx.Clear();
        var divisor = (float)(g.KH * g.KW);
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var h0 = oh * g.StrideH - g.PadH;
            int hLo = Math.Max(h0, 0), hHi = Math.Min(h0 + g.KH, g.H);
            for (var ow = 0; ow < g.OutW; ow++)
            {
                var w0 = ow * g.StrideW - g.PadW;
                int wLo = Math.Max(w0, 0), wHi = Math.Min(w0 + g.KW, g.W);
                var share = dy[oh * g.OutW + ow] / divisor;
                for (var ih = hLo; ih < hHi; ih++)
                {
                    var row = dx.Slice(ih * g.W, g.W);
                    for (var iw = wLo; iw < wHi; iw++) row[iw] += share;
                }
            }
        }
    }
}
