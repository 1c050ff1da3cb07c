using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// Loss functions with PyTorch's definitions. Each is a single recorded operation whose backward is the closed-form
/// derivative, so a loss costs one pass forward and one backward whatever its formula.
/// </summary>
public static class Loss
{
    /// <summary>Mean squared error (x − t)², as MSELoss.</summary>
    public static Tensor Mse(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        PointwiseLoss.Run("Mse", default(SquaredErrorTerm), input, target, reduction);

    /// <summary>Mean absolute error |x − t|, as L1Loss.</summary>
    public static Tensor L1(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        PointwiseLoss.Run("L1", default(AbsoluteErrorTerm), input, target, reduction);

    /// <summary>
    /// Binary cross-entropy on probabilities in [0, 1], as BCELoss (logarithms floored at −100). A finite value
    /// outside [0, 1] is refused; NaN passes through so a training loop can report it.
    /// </summary>
    public static Tensor Bce(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input.Span;
        for (var i = 0; i < x.Length; i++)
            if (x[i] < 0f || x[i] > 1f)
                throw new ArgumentException($"Bce: input {x[i]} at element {i} is not a probability in [0, 1]; use BceWithLogits for logits.");
        return PointwiseLoss.Run("Bce", default(BinaryCrossEntropyTerm), input, target, reduction);
    }

    /// <summary>
    /// Binary cross-entropy on logits, numerically stable for any logit, as BCEWithLogitsLoss.
    /// <paramref name="positiveWeight"/> multiplies the loss of positive targets and broadcasts against the input
    /// (shape [1], or [C, 1, 1] per channel of NCHW): the weighted BCE DeepTrack uses for sparse masks, where
    /// weights (w₊, w₋) are positiveWeight w₊/w₋ with the loss scaled by w₋.
    /// </summary>
    public static Tensor BceWithLogits(Tensor input, Tensor target, Tensor? positiveWeight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        float[]? expanded = null;
        if (positiveWeight is not null)
        {
            var plan = BroadcastPlan.Create(positiveWeight.Shape, input.Shape, "BceWithLogits");
            if (!plan.OutShape.AsSpan().SequenceEqual(input.Shape))
                throw new ArgumentException($"BceWithLogits: positive weight of shape {ShapeText.Format(positiveWeight.Shape)} does not broadcast to input of shape {ShapeText.Format(input.Shape)}.");
            using var full = Ops.BroadcastKernels.Expand(positiveWeight, input.Shape);
            expanded = full.ToArray();
        }
        return PointwiseLoss.Run("BceWithLogits", new LogitBinaryCrossEntropyTerm(expanded), input, target, reduction);
    }

    /// <summary>
    /// Softmax cross-entropy over axis 1 of <paramref name="logits"/> [N, C, …] with class indices
    /// <paramref name="targets"/> [N, …] stored as floats, as CrossEntropyLoss; <paramref name="classWeights"/> [C]
    /// weighs each class (the mean is then Σ w_y ℓ / Σ w_y), and targets equal to <paramref name="ignoreIndex"/> count for nothing.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets, Tensor? classWeights = null, Reduction reduction = Reduction.Mean, int ignoreIndex = -100)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        var classes = CrossEntropyKernel.FromFloats(targets.Span);
        return CrossEntropy(logits, classes, targets.ShapeArray(), classWeights, reduction, ignoreIndex);
    }

    /// <summary>Softmax cross-entropy of logits [N, C] with one class index per row.</summary>
    public static Tensor CrossEntropy(Tensor logits, int[] targets, Tensor? classWeights = null, Reduction reduction = Reduction.Mean, int ignoreIndex = -100)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return CrossEntropy(logits, (int[])targets.Clone(), [targets.Length], classWeights, reduction, ignoreIndex);
    }

    private static Tensor CrossEntropy(Tensor logits, int[] classes, int[] shape, Tensor? classWeights, Reduction reduction, int ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank >= 2) CrossEntropyKernel.CheckClasses(classes, logits.Shape[1], ignoreIndex);
        return CrossEntropyKernel.Run(logits, classes, shape, classWeights, ignoreIndex, reduction);
    }

    /// <summary>
    /// The DECODE loss on maps [N, C, H, W] (C ≥ 2): binary cross-entropy from the logits of channel 0 against its
    /// 0/1 detection target, plus, on the pixels the target marks (weighted by its p), Σ_c
    /// <paramref name="channelWeights"/>[c − 1]·(x_c − t_c)² over the regression channels 1 … C−1 (offsets, photons,
    /// z), all averaged over the N·H·W pixels. The weights put the channels on a common scale; null weighs each 1.
    /// </summary>
    public static Tensor Decode(Tensor output, Tensor target, IReadOnlyList<float>? channelWeights = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var weights = channelWeights?.ToArray() ?? Enumerable.Repeat(1f, Math.Max(0, output.Rank == 4 ? output.Shape[1] - 1 : 0)).ToArray();
        return DecodeLossKernel.Run(output, target, weights);
    }

    /// <summary>
    /// Gaussian negative log-likelihood of <paramref name="target"/> under N(<paramref name="mean"/>,
    /// <paramref name="variance"/>), as gaussian_nll_loss: the variance is clamped below at <paramref name="eps"/>
    /// and <paramref name="full"/> adds the constant ½ln 2π.
    /// </summary>
    public static Tensor GaussianNll(Tensor mean, Tensor target, Tensor variance, float eps = 1e-6f, bool full = false, Reduction reduction = Reduction.Mean) =>
        GaussianNllKernel.Run(mean, target, variance, eps, full, reduction);
}
