namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Nearest and bilinear (align_corners = false) upsampling by integer factors, with PyTorch semantics, on contiguous
/// NCHW float buffers. Planes are independent work items, so results do not depend on <c>threads</c>. Outputs are
/// overwritten.
/// </summary>
public static unsafe class UpsampleKernels
{
    /// <summary>output[oh, ow] = input[oh / scaleH, ow / scaleW].</summary>
    public static void NearestForward(Upsample2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output, int threads = 1)
    {
        var g = Check("Upsample2d(nearest).Forward", geometry, input.Length, output.Length, threads, "input", "output");
        Run(g, input, output, threads, forward: true, (src, dst) =>
        {
            for (var oh = 0; oh < g.OutH; oh++)
            {
                var srcRow = src.Slice(oh / g.ScaleH * g.W, g.W);
                var dstRow = dst.Slice(oh * g.OutW, g.OutW);
                if (oh % g.ScaleH != 0)
                {
                    dst.Slice((oh - 1) * g.OutW, g.OutW).CopyTo(dstRow);
                    continue;
                }
                if (g.ScaleW == 1) srcRow.CopyTo(dstRow);
                else for (var iw = 0; iw < g.W; iw++) dstRow.Slice(iw * g.ScaleW, g.ScaleW).Fill(srcRow[iw]);
            }
        });
    }

    /// <summary>gradInput[ih, iw] = sum of the scaleH×scaleW output gradients it was copied to.</summary>
    public static void NearestBackward(Upsample2dGeometry geometry, ReadOnlySpan<float> gradOutput, Span<float> gradInput,
        int threads = 1)
    {
        var g = Check("Upsample2d(nearest).Backward", geometry, gradInput.Length, gradOutput.Length, threads,
            "input gradient", "output gradient");
        Run(g, gradOutput, gradInput, threads, forward: false, (src, dst) =>
        {
            dst.Clear();
            for (var oh = 0; oh < g.OutH; oh++)
            {
                var srcRow = src.Slice(oh * g.OutW, g.OutW);
                var dstRow = dst.Slice(oh / g.ScaleH * g.W, g.W);
                for (var ow = 0; ow < g.OutW; ow++) dstRow[ow / g.ScaleW] += srcRow[ow];
            }
        });
    }

    /// <summary>
    /// Bilinear interpolation at source coordinate (o + ½)/scale − ½, clamped at 0, between the two neighbouring inputs
    /// (the last input repeated at the far edge), exactly as PyTorch's upsample_bilinear2d with align_corners = false.
    /// </summary>
    public static void BilinearForward(Upsample2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output, int threads = 1)
    {
        var g = Check("Upsample2d(bilinear).Forward", geometry, input.Length, output.Length, threads, "input", "output");
        var rows = BilinearTaps.Create(g.H, g.ScaleH);
        var cols = BilinearTaps.Create(g.W, g.ScaleW);
        Run(g, input, output, threads, forward: true, (src, dst) =>
        {
            for (var oh = 0; oh < g.OutH; oh++)
            {
                var r0 = src.Slice(rows.Index0[oh] * g.W, g.W);
                var r1 = src.Slice((rows.Index0[oh] + rows.Step[oh]) * g.W, g.W);
                float h0 = rows.Lambda0[oh], h1 = rows.Lambda1[oh];
                var dstRow = dst.Slice(oh * g.OutW, g.OutW);
                for (var ow = 0; ow < g.OutW; ow++)
                {
                    int i0 = cols.Index0[ow], i1 = i0 + cols.Step[ow];
                    float w0 = cols.Lambda0[ow], w1 = cols.Lambda1[ow];
                    dstRow[ow] = h0 * (w0 * r0[i0] + w1 * r0[i1]) + h1 * (w0 * r1[i0] + w1 * r1[i1]);
                }
            }
        });
    }

    /// <summary>The adjoint of <see cref="BilinearForward"/>: each output gradient is spread to its four inputs.</summary>
    public static void BilinearBackward(Upsample2dGeometry geometry, ReadOnlySpan<float> gradOutput, Span<float> gradInput,
        int threads = 1)
    {
        var g = Check("Upsample2d(bilinear).Backward", geometry, gradInput.Length, gradOutput.Length, threads,
            "input gradient", "output gradient");
        var rows = BilinearTaps.Create(g.H, g.ScaleH);
        var cols = BilinearTaps.Create(g.W, g.ScaleW);
        Run(g, gradOutput, gradInput, threads, forward: false, (src, dst) =>
        {
            dst.Clear();
            for (var oh = 0; oh < g.OutH; oh++)
            {
                var r0 = dst.Slice(rows.Index0[oh] * g.W, g.W);
                var r1 = dst.Slice((rows.Index0[oh] + rows.Step[oh]) * g.W, g.W);
                float h0 = rows.Lambda0[oh], h1 = rows.Lambda1[oh];
                var srcRow = src.Slice(oh * g.OutW, g.OutW);
                for (var ow = 0; ow < g.OutW; ow++)
                {
                    int i0 = cols.Index0[ow], i1 = i0 + cols.Step[ow];
                    float w0 = cols.Lambda0[ow], w1 = cols.Lambda1[ow];
                    var d = srcRow[ow];
                    r0[i0] += h0 * w0 * d;
                    r0[i1] += h0 * w1 * d;
                    r1[i0] += h1 * w0 * d;
                    r1[i1] += h1 * w1 * d;
                }
            }
        });
    }

    private delegate void PlaneBody(ReadOnlySpan<float> source, Span<float> destination);

    private static Upsample2dGeometry Check(string op, Upsample2dGeometry? geometry, int inputLength, int outputLength,
        int threads, string inputName, string outputName)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        KernelChecks.Length(op, inputName, inputLength, geometry.InputLength, geometry.InputDims);
        KernelChecks.Length(op, outputName, outputLength, geometry.OutputLength, geometry.OutputDims);
        KernelChecks.Threads(op, threads);
        return geometry;
    }

    /// <summary>Runs body on each plane; forward reads input planes and writes output planes, backward the reverse.</summary>
    private static void Run(Upsample2dGeometry g, ReadOnlySpan<float> source, Span<float> destination, int threads,
        bool forward, PlaneBody body)
    {
        int small = g.H * g.W, large = g.OutH * g.OutW;
        var (srcPlane, dstPlane) = forward ? (small, large) : (large, small);
        fixed (float* ps = source, pd = destination)
        {
            var src = new PinnedSpan<float>(ps, source.Length);
            var dst = new PinnedSpan<float>(pd, destination.Length);
            CpuParallel.For(g.N * g.C, threads, plane =>
                body(src.Slice(plane * srcPlane, srcPlane), dst.Slice(plane * dstPlane, dstPlane)));
        }
    }
}
