using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>Layer normalization over the trailing axes given by the normalized shape, as PyTorch's LayerNorm.</summary>
public sealed class LayerNorm : Module
{
    private readonly int[] _normalizedShape;

    /// <summary>Normalizes the last axes of shape <paramref name="normalizedShape"/>; weight ones, bias zeros.</summary>
    public LayerNorm(int[] normalizedShape, float eps = Normalization.DefaultEps, bool elementwiseAffine = true)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0 || Array.Exists(normalizedShape, d => d < 1))
            throw new ArgumentException($"LayerNorm: normalized shape {ShapeText.Format(normalizedShape)} must be non-empty with positive sizes.");
        if (!(eps > 0f))
            throw new ArgumentOutOfRangeException(nameof(eps), $"LayerNorm: eps {eps} must be positive.");
        _normalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(_normalizedShape));
            Bias = RegisterParameter("bias", Tensor.Zeros(_normalizedShape));
        }
    }

    /// <summary>The normalized trailing shape.</summary>
    public ReadOnlySpan<int> NormalizedShape => _normalizedShape;

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>The elementwise scale, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>The elementwise shift, or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Normalization.LayerNorm(input, _normalizedShape, Weight, Bias, Eps);
}
