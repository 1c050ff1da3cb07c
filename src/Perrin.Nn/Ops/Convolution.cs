using Perrin.Nn.Backends;
using Perrin.Nn.Backends.Cpu;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Convolutions over NCHW (and NCL) tensors with PyTorch's semantics and weight layouts.</summary>
public static class Convolution
{
    /// <summary>2-D convolution; weight [Cout, Cin/groups, KH, KW], bias [Cout] or null; optionally fused ReLU.</summary>
    public static Tensor Conv2d(Tensor x, Tensor w, Tensor? b, int stride = 1, int padding = 0, int dilation = 1, int groups = 1, bool relu = false) =>
        Conv2d(x, w, b, (stride, stride), (padding, padding), (dilation, dilation), groups, relu);

    /// <summary>2-D convolution with separate vertical and horizontal stride, padding and dilation.</summary>
    public static Tensor Conv2d(Tensor x, Tensor w, Tensor? b, (int H, int W) stride, (int H, int W) padding, (int H, int W) dilation,
        int groups = 1, bool relu = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        if (x.Rank != 4 || w.Rank != 4)
            throw new ArgumentException($"Conv2d: input {ShapeText.Format(x.Shape)} and weight {ShapeText.Format(w.Shape)} must both be 4-D (N, C, H, W) and (Cout, Cin/groups, KH, KW).");
        if (groups < 1 || x.Shape[1] != w.Shape[1] * groups)
            throw new ArgumentException($"Conv2d: input {ShapeText.Format(x.Shape)} has {x.Shape[1]} channels, weight {ShapeText.Format(w.Shape)} with groups {groups} expects {w.Shape[1] * groups}.");
        CheckBias("Conv2d", b, w.Shape[0], w.Shape);
        var g = new Conv2dGeometry(x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3], w.Shape[0], w.Shape[2], w.Shape[3],
            stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W, groups);
        var be = Backend.Current;
        var data = BufferPool.Rent(g.OutputLength);
        be.Conv2d(g, x.Span, w.Span, b is null ? default : b.Span, data.AsSpan(0, g.OutputLength), relu);
        Tensor[] inputs = b is null ? [x, w] : [x, w, b];
        Tensor? y = null;
        y = Tensor.FromOp(data, [g.N, g.Cout, g.OutH, g.OutW], relu ? "Conv2d+Relu" : "Conv2d", inputs, grad =>
            relu && !x.RequiresGrad
                ? WeightThroughRelu(grad, w, b, (go, gw, gb) =>
                    be.Conv2dBackwardWeightThroughRelu(g, go.Span, y!.Span, x.Span, gw.Span, gb is null ? default : gb.Span))
                : Backward(grad, relu ? y : null, be.Threads, x, w, b,
                    gx => be.Conv2dBackwardData(g, gx.Go.Span, w.Span, gx.Into.Span),
                    gw => be.Conv2dBackwardWeight(g, gw.Go.Span, x.Span, gw.Weight.Span, gw.Bias is null ? default : gw.Bias.Span)));
        return y;
    }

    /// <summary>
    /// <see cref="Conv2d(Tensor, Tensor, Tensor?, ValueTuple{int, int}, ValueTuple{int, int}, ValueTuple{int, int}, int, bool)"/>
    /// of the channel concatenation of <paramref name="first"/> and <paramref name="second"/>, with the same values and
    /// gradients, without making the concatenated copy: the backend reads both where they lie, in the forward pass
    /// and again for the weight gradient. Grouped convolutions concatenate first.
    /// </summary>
    public static Tensor Conv2dJoined(Tensor first, Tensor second, Tensor w, Tensor? b, (int H, int W) stride,
        (int H, int W) padding, (int H, int W) dilation, int groups = 1, bool relu = false)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(w);
        if (first.Rank != 4 || second.Rank != 4 || first.Shape[0] != second.Shape[0] || first.Shape[2] != second.Shape[2]
            || first.Shape[3] != second.Shape[3])
            throw new ArgumentException($"Conv2dJoined: inputs {ShapeText.Format(first.Shape)} and {ShapeText.Format(second.Shape)} must both be 4-D (N, C, H, W) with the same N, H and W.");
        if (groups != 1)
        {
            var joined = Reshaping.Concat([first, second], 1);
            var y = Conv2d(joined, w, b, stride, padding, dilation, groups, relu);
            if (!joined.RequiresGrad) joined.Dispose();
            return y;
        }
        var channels = first.Shape[1] + second.Shape[1];
        if (w.Rank != 4 || w.Shape[1] != channels)
            throw new ArgumentException($"Conv2dJoined: inputs {ShapeText.Format(first.Shape)} and {ShapeText.Format(second.Shape)} have {channels} channels together, weight {ShapeText.Format(w.Shape)} expects {(w.Rank == 4 ? w.Shape[1] : 0)}.");
        CheckBias("Conv2dJoined", b, w.Shape[0], w.Shape);
        var g = new Conv2dGeometry(first.Shape[0], channels, first.Shape[2], first.Shape[3], w.Shape[0], w.Shape[2],
            w.Shape[3], stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W, 1);
        var be = Backend.Current;
        var c1 = first.Shape[1];
        var data = BufferPool.Rent(g.OutputLength);
        be.Conv2dJoined(g, c1, first.Span, second.Span, w.Span, b is null ? default : b.Span,
            data.AsSpan(0, g.OutputLength), relu);
        Tensor[] inputs = b is null ? [first, second, w] : [first, second, w, b];
        Tensor? y0 = null;
        y0 = Tensor.FromOp(data, [g.N, g.Cout, g.OutH, g.OutW], relu ? "Conv2dJoined+Relu" : "Conv2dJoined", inputs,
            grad => JoinedBackward(grad, relu ? y0 : null, be, g, first, second, w, b));
        return y0;
    }

    /// <summary>
    /// The gradients of <see cref="Conv2dJoined"/>: the data gradient written straight into the two inputs'
    /// gradients, and the weight and bias gradients from the two inputs where they lie.
    /// </summary>
    private static Tensor?[] JoinedBackward(Tensor grad, Tensor? reluOutput, IBackend be, Conv2dGeometry g,
        Tensor first, Tensor second, Tensor w, Tensor? b)
    {
        if (reluOutput is not null) PositiveMask.Apply(grad.Span, reluOutput.Span, grad.Span, be.Threads);
        var grads = new Tensor?[b is null ? 3 : 4];
        var c1 = first.Shape[1];
        if (first.RequiresGrad || second.RequiresGrad)
        {
            var ga = Tensor.Empty(first.ShapeArray());
            var gs = Tensor.Empty(second.ShapeArray());
            be.Conv2dBackwardDataJoined(g, grad.Span, w.Span, c1, ga.Span, gs.Span);
            grads[0] = ga;
            grads[1] = gs;
        }
        if (w.RequiresGrad || (b?.RequiresGrad ?? false))
        {
            var gw = Tensor.Empty(w.ShapeArray());
            var gb = b is null ? null : Tensor.Empty(b.ShapeArray());
            be.Conv2dBackwardWeightJoined(g, grad.Span, c1, first.Span, second.Span, gw.Span,
                gb is null ? default : gb.Span);
            grads[2] = gw;
            if (gb is not null) grads[3] = gb;
        }
        return grads;
    }

    /// <summary>Transposed 2-D convolution; weight [Cin, Cout/groups, KH, KW], bias [Cout] or null.</summary>
    public static Tensor ConvTranspose2d(Tensor x, Tensor w, Tensor? b, int stride = 1, int padding = 0, int outputPadding = 0,
        int dilation = 1, int groups = 1, bool relu = false) =>
        ConvTranspose2d(x, w, b, (stride, stride), (padding, padding), (outputPadding, outputPadding), (dilation, dilation), groups, relu);

    /// <summary>Transposed 2-D convolution with separate vertical and horizontal settings.</summary>
    public static Tensor ConvTranspose2d(Tensor x, Tensor w, Tensor? b, (int H, int W) stride, (int H, int W) padding,
        (int H, int W) outputPadding, (int H, int W) dilation, int groups = 1, bool relu = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        if (x.Rank != 4 || w.Rank != 4)
            throw new ArgumentException($"ConvTranspose2d: input {ShapeText.Format(x.Shape)} and weight {ShapeText.Format(w.Shape)} must both be 4-D (N, C, H, W) and (Cin, Cout/groups, KH, KW).");
        if (groups < 1 || x.Shape[1] != w.Shape[0])
            throw new ArgumentException($"ConvTranspose2d: input {ShapeText.Format(x.Shape)} has {x.Shape[1]} channels, weight {ShapeText.Format(w.Shape)} expects {w.Shape[0]}.");
        var cout = w.Shape[1] * groups;
        CheckBias("ConvTranspose2d", b, cout, w.Shape);
        var g = new ConvTranspose2dGeometry(x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3], cout, w.Shape[2], w.Shape[3],
            stride.H, stride.W, padding.H, padding.W, outputPadding.H, outputPadding.W, dilation.H, dilation.W, groups);
        var be = Backend.Current;
        var data = BufferPool.Rent(g.OutputLength);
        be.ConvTranspose2d(g, x.Span, w.Span, b is null ? default : b.Span, data.AsSpan(0, g.OutputLength), relu);
        Tensor[] inputs = b is null ? [x, w] : [x, w, b];
        Tensor? y = null;
        y = Tensor.FromOp(data, [g.N, g.Cout, g.OutH, g.OutW], relu ? "ConvTranspose2d+Relu" : "ConvTranspose2d", inputs, grad =>
            Backward(grad, relu ? y : null, be.Threads, x, w, b,
                gx => be.ConvTranspose2dBackwardData(g, gx.Go.Span, w.Span, gx.Into.Span),
                gw => be.ConvTranspose2dBackwardWeight(g, gw.Go.Span, x.Span, gw.Weight.Span, gw.Bias is null ? default : gw.Bias.Span)));
        return y;
    }

    /// <summary>1-D convolution over (N, C, L) with weight [Cout, Cin/groups, K], as a 2-D convolution of height 1.</summary>
    public static Tensor Conv1d(Tensor x, Tensor w, Tensor? b, int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        if (x.Rank != 3 || w.Rank != 3)
            throw new ArgumentException($"Conv1d: input {ShapeText.Format(x.Shape)} and weight {ShapeText.Format(w.Shape)} must both be 3-D (N, C, L) and (Cout, Cin/groups, K).");
        var x4 = Reshaping.Reshape(x, x.Shape[0], x.Shape[1], 1, x.Shape[2]);
        var w4 = Reshaping.Reshape(w, w.Shape[0], w.Shape[1], 1, w.Shape[2]);
        var y4 = Conv2d(x4, w4, b, (1, stride), (0, padding), (1, dilation), groups);
        return Reshaping.Reshape(y4, y4.Shape[0], y4.Shape[1], y4.Shape[3]);
    }

    private static void CheckBias(string op, Tensor? b, int cout, ReadOnlySpan<int> weightShape)
    {
        if (b is not null && (b.Rank != 1 || b.Shape[0] != cout))
            throw new ArgumentException($"{op}: bias {ShapeText.Format(b.Shape)} does not match weight {ShapeText.Format(weightShape)} (need [{cout}]).");
    }

    /// <summary>
    /// The backward shared by both convolutions: the output gradient masked by a fused ReLU's output (when given),
    /// then the data gradient and the weight and bias gradients, each only when some input needs it. The mask is
    /// applied in place: the backward pass hands each op a gradient of its own, which it disposes after the call, and
    /// a masked copy cost a fresh buffer the size of the layer's output (3% of a bench U-Net step).
    /// </summary>
    private static Tensor?[] Backward(Tensor grad, Tensor? reluOutput, int threads, Tensor x, Tensor w, Tensor? b,
        Action<(Tensor Go, Tensor Into)> data, Action<(Tensor Go, Tensor Weight, Tensor? Bias)> weight)
    {
        if (reluOutput is not null) PositiveMask.Apply(grad.Span, reluOutput.Span, grad.Span, threads);
        var go = grad;
        var grads = new Tensor?[b is null ? 2 : 3];
        if (x.RequiresGrad)
        {
            var gx = Tensor.Empty(x.ShapeArray());
            data((go, gx));
            grads[0] = gx;
        }
        if (w.RequiresGrad || (b?.RequiresGrad ?? false))
        {
            var gw = Tensor.Empty(w.ShapeArray());
            var gb = b is null ? null : Tensor.Empty(b.ShapeArray());
            weight((go, gw, gb));
            grads[1] = gw;
            if (gb is not null) grads[2] = gb;
        }
        return grads;
    }

    /// <summary>
    /// The backward of a convolution with a fused ReLU whose input needs no gradient (a network's first layer): only
    /// the weight and bias gradients, which the backend takes straight from the unmasked gradient and the output.
    /// </summary>
    private static Tensor?[] WeightThroughRelu(Tensor grad, Tensor w, Tensor? b,
        Action<Tensor, Tensor, Tensor?> weight)
    {
        var grads = new Tensor?[b is null ? 2 : 3];
        if (!w.RequiresGrad && !(b?.RequiresGrad ?? false)) return grads;
        var gw = Tensor.Empty(w.ShapeArray());
        var gb = b is null ? null : Tensor.Empty(b.ShapeArray());
        weight(grad, gw, gb);
        grads[1] = gw;
        if (gb is not null) grads[2] = gb;
        return grads;
    }
}
