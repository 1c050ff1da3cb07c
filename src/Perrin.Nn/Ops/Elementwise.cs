using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Arithmetic with numpy broadcasting, and the elementwise mathematical functions.</summary>
public static class Elementwise
{
    /// <summary>a + b.</summary>
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryKind.Add, "Add", a, b);

    /// <summary>a − b.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Binary(BinaryKind.Sub, "Sub", a, b);

    /// <summary>a · b.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Binary(BinaryKind.Mul, "Mul", a, b);

    /// <summary>a / b.</summary>
    public static Tensor Div(Tensor a, Tensor b) => Binary(BinaryKind.Div, "Div", a, b);

    private static Tensor Binary(BinaryKind kind, string op, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var plan = BroadcastPlan.Create(a.Shape, b.Shape, op);
        var data = BufferPool.Rent(ShapeText.Product(plan.OutShape));
        BroadcastKernels.Binary(kind, plan, a.Span, b.Span, data);
        return Tensor.FromOp(data, plan.OutShape, op, [a, b], g => BinaryBackward(kind, a, b, g));
    }

    private static Tensor?[] BinaryBackward(BinaryKind kind, Tensor a, Tensor b, Tensor g)
    {
        Tensor? ga = null, gb = null;
        switch (kind)
        {
            case BinaryKind.Add:
                if (a.RequiresGrad) ga = BroadcastKernels.ReduceTo(g, a.Shape);
                if (b.RequiresGrad) gb = BroadcastKernels.ReduceTo(g, b.Shape);
                break;
            case BinaryKind.Sub:
                if (a.RequiresGrad) ga = BroadcastKernels.ReduceTo(g, a.Shape);
                if (b.RequiresGrad)
                {
                    gb = BroadcastKernels.ReduceTo(g, b.Shape);
                    TensorPrimitives.Negate(gb.Span, gb.Span);
                }
                break;
            case BinaryKind.Mul:
                if (a.RequiresGrad) ga = Reduced(BinaryKind.Mul, g, b, a.Shape);
                if (b.RequiresGrad) gb = Reduced(BinaryKind.Mul, g, a, b.Shape);
                break;
            default:
                if (a.RequiresGrad) ga = Reduced(BinaryKind.Div, g, b, a.Shape);
                if (b.RequiresGrad)
                {
                    // d(a/b)/db = −(a/b)/b, formed without the output so the output may be disposed early.
                    using var q = Raw(BinaryKind.Div, a, b);
                    using var qb = Raw(BinaryKind.Div, q, b);
                    using var gq = Raw(BinaryKind.Mul, g, qb);
                    gb = BroadcastKernels.ReduceTo(gq, b.Shape);
                    TensorPrimitives.Negate(gb.Span, gb.Span);
                }
                break;
        }
        return [ga, gb];
    }

    private static Tensor Reduced(BinaryKind kind, Tensor g, Tensor other, ReadOnlySpan<int> shape)
    {
        var full = Raw(kind, g, other);
        if (full.Shape.SequenceEqual(shape)) return full;
        var reduced = BroadcastKernels.ReduceTo(full, shape);
        full.Dispose();
        return reduced;
    }

    /// <summary>A broadcasting operation with no graph.</summary>
    private static Tensor Raw(BinaryKind kind, Tensor a, Tensor b)
    {
        var plan = BroadcastPlan.Create(a.Shape, b.Shape, kind.ToString());
        var result = Tensor.Empty(plan.OutShape);
        BroadcastKernels.Binary(kind, plan, a.Span, b.Span, result.Span);
        return result;
    }

    /// <summary>x + c.</summary>
    public static Tensor AddScalar(Tensor x, float c) =>
        Unary("AddScalar", x, (s, d) => TensorPrimitives.Add(s, c, d), (g, _, _, d) => g.CopyTo(d));

    /// <summary>x · c.</summary>
    public static Tensor MulScalar(Tensor x, float c) =>
        Unary("MulScalar", x, (s, d) => TensorPrimitives.Multiply(s, c, d), (g, _, _, d) => TensorPrimitives.Multiply(g, c, d));

    /// <summary>A copy that keeps the history.</summary>
    public static Tensor Copy(Tensor x) => Unary("Copy", x, (s, d) => s.CopyTo(d), (g, _, _, d) => g.CopyTo(d));

    /// <summary>eˣ.</summary>
    public static Tensor Exp(Tensor x) =>
        Unary("Exp", x, TensorPrimitives.Exp, (g, _, y, d) => TensorPrimitives.Multiply(g, y, d));

    /// <summary>ln x.</summary>
    public static Tensor Log(Tensor x) =>
        Unary("Log", x, TensorPrimitives.Log, (g, s, _, d) => TensorPrimitives.Divide(g, s, d));

    /// <summary>√x.</summary>
    public static Tensor Sqrt(Tensor x) =>
        Unary("Sqrt", x, TensorPrimitives.Sqrt, (g, _, y, d) =>
        {
            TensorPrimitives.Divide(g, y, d);
            TensorPrimitives.Multiply(d, 0.5f, d);
        });

    /// <summary>x².</summary>
    public static Tensor Square(Tensor x) =>
        Unary("Square", x, (s, d) => TensorPrimitives.Multiply(s, s, d), (g, s, _, d) =>
        {
            TensorPrimitives.Multiply(g, s, d);
            TensorPrimitives.Multiply(d, 2f, d);
        });

    /// <summary>|x|; the gradient at 0 is 0.</summary>
    public static Tensor Abs(Tensor x) =>
        Unary("Abs", x, TensorPrimitives.Abs, (g, s, _, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = s[i] > 0 ? g[i] : s[i] < 0 ? -g[i] : 0f;
        });

    /// <summary>xᵖ for a constant p.</summary>
    public static Tensor Pow(Tensor x, float p) =>
        Unary("Pow", x, (s, d) => TensorPrimitives.Pow(s, p, d), (g, s, _, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = g[i] * p * MathF.Pow(s[i], p - 1f);
        });

    /// <summary>x limited to [min, max]; the gradient passes only strictly inside.</summary>
    public static Tensor Clamp(Tensor x, float min, float max)
    {
        if (!(min <= max)) throw new ArgumentException($"Clamp: min {min} is above max {max}.");
        return Unary("Clamp", x, (s, d) => TensorPrimitives.Clamp(s, min, max, d), (g, s, _, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = s[i] > min && s[i] < max ? g[i] : 0f;
        });
    }

    /// <summary>An elementwise function with its derivative rule (g, x, y, dx) over whole spans.</summary>
    internal static Tensor Unary(string op, Tensor x, SpanMap forward, GradMap backward)
    {
        ArgumentNullException.ThrowIfNull(x);
        var data = BufferPool.Rent(x.Length);
        forward(x.Span, data.AsSpan(0, x.Length));
        Tensor? y = null;
        y = Tensor.FromOp(data, x.ShapeArray(), op, [x], g =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            backward(g.Span, x.Span, y!.Span, gx.Span);
            return [gx];
        });
        return y;
    }
}
