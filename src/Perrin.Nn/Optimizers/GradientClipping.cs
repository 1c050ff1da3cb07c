using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Optimizers;

/// <summary>Gradient clipping with torch.nn.utils semantics; parameters without a gradient are skipped.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients together so their global norm is at most <paramref name="maxNorm"/>, as clip_grad_norm_:
    /// the factor is min(1, maxNorm/(norm + 1e-6)). Returns the norm before clipping (NaN or ∞ if a gradient is not
    /// finite, in which case the gradients are scaled by NaN or 0 as PyTorch's would be).
    /// <paramref name="normType"/> is 2 (Euclidean) or <see cref="float.PositiveInfinity"/> (largest magnitude).
    /// </summary>
    public static float ClipByNorm(IEnumerable<Tensor> parameters, float maxNorm, float normType = 2f)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(maxNorm >= 0f)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "ClipByNorm: the maximum norm must be non-negative.");
        if (normType != 2f && !float.IsPositiveInfinity(normType))
            throw new ArgumentOutOfRangeException(nameof(normType), normType, "ClipByNorm: the norm type must be 2 or infinity.");
        var grads = new List<Tensor>();
        foreach (var p in parameters)
            if (p?.Grad is { IsDisposed: false } g) grads.Add(g);
        if (grads.Count == 0) return 0f;
        double total = 0;
        foreach (var g in grads)
        {
            if (float.IsPositiveInfinity(normType))
            {
                var largest = Math.Abs(TensorPrimitives.MaxMagnitude(g.Span));
                total = float.IsNaN(largest) || double.IsNaN(total) ? double.NaN : Math.Max(total, largest);
                continue;
            }
            // Per-tensor norms in float, then the norm of those, as PyTorch stacks them.
            var norm = (float)Math.Sqrt(SumOfSquares(g.Span));
            total += (double)norm * norm;
        }
        var totalNorm = float.IsPositiveInfinity(normType) ? (float)total : (float)Math.Sqrt(total);
        var coef = MathF.Min(maxNorm / (totalNorm + 1e-6f), 1f);
        foreach (var g in grads) TensorPrimitives.Multiply(g.Span, coef, g.Span);
        return totalNorm;
    }

    /// <summary>Limits every gradient element to [−<paramref name="clipValue"/>, <paramref name="clipValue"/>], as clip_grad_value_.</summary>
    public static void ClipByValue(IEnumerable<Tensor> parameters, float clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(clipValue >= 0f)) throw new ArgumentOutOfRangeException(nameof(clipValue), clipValue, "ClipByValue: the clip value must be non-negative.");
        foreach (var p in parameters)
            if (p?.Grad is { IsDisposed: false } g) TensorPrimitives.Clamp(g.Span, -clipValue, clipValue, g.Span);
    }

    /// <summary>Σx², vectorized within fixed blocks and summed over them in double, so the rounding does not depend on anything but the values.</summary>
    internal static double SumOfSquares(ReadOnlySpan<float> values)
    {
        const int Block = 4096;
        double total = 0;
        for (var i = 0; i < values.Length; i += Block)
        {
            total += TensorPrimitives.SumOfSquares(values.Slice(i, Math.Min(Block, values.Length - i)));
        }
        return total;
    }
}
