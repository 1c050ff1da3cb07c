using Perrin.Nn.Backends;
using Perrin.Nn.Backends.Cpu;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Upsampling of NCHW tensors by integer factors.</summary>
public static class Resampling
{
    /// <summary>Nearest-neighbour (bilinear = false) or bilinear with align_corners = false, as PyTorch's Upsample.</summary>
    public static Tensor Upsample(Tensor x, int scale, bool bilinear = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var op = bilinear ? "Upsample(bilinear)" : "Upsample(nearest)";
        if (x.Rank != 4) throw new ArgumentException($"{op}: input {ShapeText.Format(x.Shape)} must be 4-D (N, C, H, W).");
        var g = new Upsample2dGeometry(x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3], scale, scale);
        var be = Backend.Current;
        var data = BufferPool.Rent(g.OutputLength);
        be.Upsample2d(g, bilinear, x.Span, data.AsSpan(0, g.OutputLength));
        return Tensor.FromOp(data, [g.N, g.C, g.OutH, g.OutW], op, [x], grad =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            be.Upsample2dBackward(g, bilinear, grad.Span, gx.Span);
            return [gx];
        });
    }
}
