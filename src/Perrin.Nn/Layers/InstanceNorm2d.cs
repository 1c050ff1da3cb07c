using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>
/// Instance normalization of (N, C, H, W): every sample's channel over its own H×W, in training and eval alike
/// (PyTorch's InstanceNorm2d with track_running_stats = false). The affine weight and bias are optional.
/// </summary>
public sealed class InstanceNorm2d : Module
{
    /// <summary>A layer over <paramref name="numFeatures"/> channels; PyTorch's default has no affine parameters.</summary>
    public InstanceNorm2d(int numFeatures, float eps = Normalization.DefaultEps, bool affine = false)
    {
        if (numFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(numFeatures), $"InstanceNorm2d: {numFeatures} features; at least 1 is needed.");
        if (!(eps > 0f))
            throw new ArgumentOutOfRangeException(nameof(eps), $"InstanceNorm2d: eps {eps} must be positive.");
        NumFeatures = numFeatures;
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(numFeatures));
            Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        }
    }

    /// <summary>Channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>The scale [C], or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>The shift [C], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != NumFeatures)
            throw new ArgumentException($"InstanceNorm2d({NumFeatures}): input of shape {ShapeText.Format(input.Shape)}, expected [N, {NumFeatures}, H, W].");
        return Normalization.InstanceNorm(input, Weight, Bias, Eps);
    }
}
