using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>
/// Batch normalization of (N, C, H, W) per channel, as PyTorch's BatchNorm2d: batch statistics in training (which
/// update running_mean/running_var and count num_batches_tracked), running statistics in eval mode.
/// </summary>
public sealed class BatchNorm2d : Module
{
    /// <summary>
    /// A layer over <paramref name="numFeatures"/> channels. A null <paramref name="momentum"/> makes the running
    /// statistics a cumulative average (factor 1/num_batches_tracked), as in PyTorch.
    /// </summary>
    public BatchNorm2d(int numFeatures, float eps = Normalization.DefaultEps, float? momentum = 0.1f, bool affine = true, bool trackRunningStats = true)
    {
        if (numFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(numFeatures), $"BatchNorm2d: {numFeatures} features; at least 1 is needed.");
        if (!(eps > 0f))
            throw new ArgumentOutOfRangeException(nameof(eps), $"BatchNorm2d: eps {eps} must be positive.");
        if (momentum is { } m && !(m >= 0f && m <= 1f))
            throw new ArgumentOutOfRangeException(nameof(momentum), $"BatchNorm2d: momentum {m} is outside [0, 1].");
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(numFeatures));
            Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
            RunningVar = RegisterBuffer("running_var", Tensor.Ones(numFeatures));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Scalar(0f));
        }
    }

    /// <summary>Channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Weight of the newest batch in the running statistics; null for a cumulative average.</summary>
    public float? Momentum { get; }

    /// <summary>The scale γ [C], or null without affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <summary>The shift β [C], or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean [C], or null when running statistics are not tracked.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running (unbiased) variance [C], or null.</summary>
    public Tensor? RunningVar { get; }

    /// <summary>Training batches seen, as a float scalar (PyTorch stores an int64).</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != NumFeatures)
            throw new ArgumentException($"BatchNorm2d({NumFeatures}): input of shape {ShapeText.Format(input.Shape)}, expected [N, {NumFeatures}, H, W].");
        var factor = 0f;
        if (IsTraining && NumBatchesTracked is not null)
        {
            var count = NumBatchesTracked.Span[0] + 1f;
            NumBatchesTracked.Span[0] = count;
            factor = Momentum ?? 1f / count;
        }
        if (IsTraining || RunningMean is null)
            return Normalization.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, training: true, factor, Eps);
        return Normalization.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, training: false, 0f, Eps);
    }
}
