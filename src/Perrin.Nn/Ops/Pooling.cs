using Perrin.Nn.Backends;
using Perrin.Nn.Backends.Cpu;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Max and average pooling over NCHW tensors (floor mode, PyTorch semantics).</summary>
public static class Pooling
{
    /// <summary>Max pooling; the stride defaults to the kernel size.</summary>
    public static Tensor MaxPool2d(Tensor x, int kernel, int? stride = null, int padding = 0, int dilation = 1)
    {
        var g = Geometry("MaxPool2d", x, kernel, stride ?? kernel, padding, dilation);
        var be = Backend.Current;
        var data = BufferPool.Rent(g.OutputLength);
        // No argmax indices are kept: the backward finds each window's winner again from the input, which the
        // graph holds anyway, so training stores nothing extra for pooling.
        be.MaxPool2d(g, x.Span, data.AsSpan(0, g.OutputLength));
        return Tensor.FromOp(data, [g.N, g.C, g.OutH, g.OutW], "MaxPool2d", [x], grad =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            be.MaxPool2dBackward(g, x.Span, grad.Span, gx.Span);
            return [gx];
        });
    }

    /// <summary>Average pooling with padding counted in the divisor; the stride defaults to the kernel size.</summary>
    public static Tensor AvgPool2d(Tensor x, int kernel, int? stride = null, int padding = 0)
    {
        var g = Geometry("AvgPool2d", x, kernel, stride ?? kernel, padding, 1);
        var be = Backend.Current;
        var data = BufferPool.Rent(g.OutputLength);
        be.AvgPool2d(g, x.Span, data.AsSpan(0, g.OutputLength));
        return Tensor.FromOp(data, [g.N, g.C, g.OutH, g.OutW], "AvgPool2d", [x], grad =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            be.AvgPool2dBackward(g, grad.Span, gx.Span);
            return [gx];
        });
    }

    private static Pool2dGeometry Geometry(string op, Tensor x, int kernel, int stride, int padding, int dilation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 4) throw new ArgumentException($"{op}: input {ShapeText.Format(x.Shape)} must be 4-D (N, C, H, W).");
        return new Pool2dGeometry(x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3], kernel, kernel, stride, stride, padding, padding, dilation, dilation);
    }
}
