using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>Means of a per-element loss against a constant label, and their gradients, for the fused GAN losses.</summary>
internal static class GanKernel
{
    public static double Mean<TLoss>(TLoss loss, Tensor x, float label) where TLoss : struct, IPointwiseLoss
    {
        var s = x.Span;
        double total = 0;
        for (var i = 0; i < s.Length; i++) total += loss.Value(i, s[i], label);
        return total / s.Length;
    }

    /// <summary>scale/n · ∂ℓ/∂x for every element of x, or null when x takes no gradient.</summary>
    public static Tensor? Grad<TLoss>(TLoss loss, Tensor x, float label, float scale) where TLoss : struct, IPointwiseLoss
    {
        if (!x.RequiresGrad) return null;
        var g = Tensor.Empty(x.ShapeArray());
        var s = x.Span;
        var d = g.Span;
        var k = scale / s.Length;
        for (var i = 0; i < s.Length; i++) d[i] = k * loss.InputGrad(i, s[i], label);
        return g;
    }

    public static void NotEmpty(string op, Tensor x, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length == 0) throw new ArgumentException($"{op}: {name} of shape {ShapeText.Format(x.Shape)} is empty.");
    }

    public static double MeanAbsoluteError(Tensor a, Tensor b)
    {
        var x = a.Span;
        var y = b.Span;
        double total = 0;
        for (var i = 0; i < x.Length; i++) total += MathF.Abs(x[i] - y[i]);
        return total / x.Length;
    }
}
