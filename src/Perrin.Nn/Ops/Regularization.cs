using System.Numerics.Tensors;
using Perrin.Core.Randomness;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>
/// Dropout with inverted scaling: kept values are multiplied by 1/(1 − p) in training so nothing changes at
/// inference. Masks come from the given stream in element order, so a fixed stream gives a fixed mask.
/// </summary>
public static class Regularization
{
    /// <summary>
    /// Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1 − p); outside training
    /// (or for p = 0) a copy of <paramref name="x"/> without drawing from <paramref name="random"/>.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, RandomStream random, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        CheckProbability("Dropout", p);
        if (!training || p == 0f) return Elementwise.Copy(x);
        var mask = Tensor.Empty(x.ShapeArray());
        DropoutMask.Fill(random, p, mask.Span);
        var data = BufferPool.Rent(x.Length);
        TensorPrimitives.Multiply(x.Span, mask.Span, data.AsSpan(0, x.Length));
        var y = Tensor.FromOp(data, x.ShapeArray(), "Dropout", [x], g =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            TensorPrimitives.Multiply(g.Span, mask.Span, gx.Span);
            return [gx];
        });
        if (y.GradFn is null) mask.Dispose();
        else y.GradFn.Save(mask);
        return y;
    }

    /// <summary>
    /// Zeroes whole channels: each (sample, channel) plane of an (N, C, …) tensor is dropped with probability
    /// <paramref name="p"/>, one draw per plane in order; kept planes are scaled by 1/(1 − p).
    /// </summary>
    public static Tensor Dropout2d(Tensor x, float p, RandomStream random, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        CheckProbability("Dropout2d", p);
        if (x.Rank < 3)
            throw new ArgumentException($"Dropout2d: input {ShapeText.Format(x.Shape)} must be (N, C, …) with at least 3 axes.");
        if (!training || p == 0f) return Elementwise.Copy(x);
        var planes = x.Shape[0] * x.Shape[1];
        var l = planes == 0 ? 0 : x.Length / planes;
        var scale = new float[planes];
        DropoutMask.Fill(random, p, scale);
        var data = BufferPool.Rent(x.Length);
        ScalePlanes(x.Span, scale, l, data.AsSpan(0, x.Length));
        return Tensor.FromOp(data, x.ShapeArray(), "Dropout2d", [x], g =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            ScalePlanes(g.Span, scale, l, gx.Span);
            return [gx];
        });
    }

    private static void ScalePlanes(ReadOnlySpan<float> src, float[] scale, int l, Span<float> dst)
    {
        for (var k = 0; k < scale.Length; k++)
            TensorPrimitives.Multiply(src.Slice(k * l, l), scale[k], dst.Slice(k * l, l));
    }

    private static void CheckProbability(string op, float p)
    {
        if (!(p >= 0f && p <= 1f))
            throw new ArgumentException($"{op}: probability {p} is outside [0, 1].");
    }
}
