using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>
/// Batch, instance and layer normalization with PyTorch's semantics, fused: one forward pass per group of values
/// and a closed-form backward, instead of a chain of elementwise operations.
/// </summary>
public static class Normalization
{
    /// <summary>The ε added to the variance unless another is given, as in PyTorch.</summary>
    public const float DefaultEps = 1e-5f;

    /// <summary>
    /// Batch normalization of (N, C, …) over the batch and the trailing axes, per channel. In training mode the
    /// batch's statistics normalize (biased variance) and, when given, the running statistics are updated in place:
    /// running = (1 − momentum)·running + momentum·batch, with the unbiased variance. In eval mode the running
    /// statistics normalize. <paramref name="weight"/> and <paramref name="bias"/> ([C]) may be null.
    /// </summary>
    public static Tensor BatchNorm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum = 0.1f, float eps = DefaultEps)
    {
        const string Op = "BatchNorm";
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2)
            throw new ArgumentException($"{Op}: input {ShapeText.Format(x.Shape)} must be (N, C, …) with at least 2 axes.");
        int n = x.Shape[0], c = x.Shape[1];
        var l = n * c == 0 ? 0 : x.Length / (n * c);
        CheckChannelVector(Op, "weight", weight, c, x);
        CheckChannelVector(Op, "bias", bias, c, x);
        CheckChannelVector(Op, "running_mean", runningMean, c, x);
        CheckChannelVector(Op, "running_var", runningVar, c, x);
        CheckEps(Op, eps);
        if (!(momentum >= 0f && momentum <= 1f))
            throw new ArgumentException($"{Op}: momentum {momentum} is outside [0, 1].");
        if ((runningMean is null) != (runningVar is null))
            throw new ArgumentException($"{Op}: running_mean and running_var must be given together.");
        var p = PlaneGroups.PerChannel(n, c, l);
        if (training) return Normalized(Op, x, p, weight, bias, eps, s => UpdateRunning(s, runningMean, runningVar, momentum, (long)n * l));
        if (runningMean is null || runningVar is null)
            throw new ArgumentException($"{Op}: eval mode needs running_mean and running_var.");
        return Frozen(Op, x, p, runningMean, runningVar, weight, bias, eps);
    }

    /// <summary>Instance normalization of (N, C, …): each sample's channel over the trailing axes; affine [C] optional.</summary>
    public static Tensor InstanceNorm(Tensor x, Tensor? weight, Tensor? bias, float eps = DefaultEps)
    {
        const string Op = "InstanceNorm";
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 3)
            throw new ArgumentException($"{Op}: input {ShapeText.Format(x.Shape)} must be (N, C, …) with at least 3 axes.");
        int n = x.Shape[0], c = x.Shape[1];
        var l = n * c == 0 ? 0 : x.Length / (n * c);
        CheckChannelVector(Op, "weight", weight, c, x);
        CheckChannelVector(Op, "bias", bias, c, x);
        CheckEps(Op, eps);
        return Normalized(Op, x, PlaneGroups.PerPlane(n, c, l), weight, bias, eps, null);
    }

    /// <summary>
    /// Layer normalization over the trailing axes <paramref name="normalizedShape"/>; weight and bias, when given,
    /// have that shape and apply elementwise.
    /// </summary>
    public static Tensor LayerNorm(Tensor x, int[] normalizedShape, Tensor? weight, Tensor? bias, float eps = DefaultEps)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(normalizedShape);
        return LayerNormKernel.Run(x, normalizedShape, weight, bias, eps);
    }

    private static Tensor Normalized(string op, Tensor x, PlaneGroups p, Tensor? weight, Tensor? bias, float eps, Action<NormStatistics>? onStatistics)
    {
        if (p.GroupSize < 2)
            throw new ArgumentException($"{op}: input {ShapeText.Format(x.Shape)} has {p.GroupSize} value(s) per normalized group; more than 1 is needed to estimate a variance.");
        var data = BufferPool.Rent(x.Length);
        var stats = PlaneNorm.Normalize(x.Data, data, p, weight?.Data, bias?.Data, eps);
        onStatistics?.Invoke(stats);
        var inputs = Inputs(x, weight, bias);
        return Tensor.FromOp(data, x.ShapeArray(), op, inputs, g =>
        {
            var dx = x.RequiresGrad ? Tensor.Empty(x.ShapeArray()) : null;
            var groupDw = new float[p.Groups];
            var groupDb = new float[p.Groups];
            PlaneNorm.BackwardBatch(g.Data, x.Data, p, weight?.Data, stats, dx?.Data, groupDw, groupDb);
            return Gradients(inputs, dx, weight, bias, p, groupDw, groupDb);
        });
    }

    private static Tensor Frozen(string op, Tensor x, PlaneGroups p, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias, float eps)
    {
        var c = p.Channels;
        var mean = runningMean.ToArray();
        var invStd = new float[c];
        var scale = new float[c];
        var shift = new float[c];
        var rv = runningVar.Span;
        for (var ch = 0; ch < c; ch++)
        {
            invStd[ch] = 1f / MathF.Sqrt(rv[ch] + eps);
            scale[ch] = (weight is null ? 1f : weight.Span[ch]) * invStd[ch];
            shift[ch] = (bias is null ? 0f : bias.Span[ch]) - (mean[ch] * scale[ch]);
        }
        var data = BufferPool.Rent(x.Length);
        PlaneNorm.Apply(x.Data, data, p, scale, shift);
        var inputs = Inputs(x, weight, bias);
        return Tensor.FromOp(data, x.ShapeArray(), op, inputs, g =>
        {
            var dx = x.RequiresGrad ? Tensor.Empty(x.ShapeArray()) : null;
            var groupDw = new float[p.Groups];
            var groupDb = new float[p.Groups];
            PlaneNorm.BackwardFrozen(g.Data, x.Data, p, scale, mean, invStd, dx?.Data, groupDw, groupDb);
            return Gradients(inputs, dx, weight, bias, p, groupDw, groupDb);
        });
    }

    private static void UpdateRunning(NormStatistics s, Tensor? runningMean, Tensor? runningVar, float momentum, long count)
    {
        if (runningMean is null || runningVar is null) return;
        var rm = runningMean.Span;
        var rv = runningVar.Span;
        var bessel = (float)((double)count / (count - 1));
        for (var ch = 0; ch < rm.Length; ch++)
        {
            rm[ch] = ((1f - momentum) * rm[ch]) + (momentum * s.Mean[ch]);
            rv[ch] = ((1f - momentum) * rv[ch]) + (momentum * s.Variance[ch] * bessel);
        }
    }

    private static Tensor[] Inputs(Tensor x, Tensor? weight, Tensor? bias)
    {
        var list = new List<Tensor>(3) { x };
        if (weight is not null) list.Add(weight);
        if (bias is not null) list.Add(bias);
        return [.. list];
    }

    private static Tensor?[] Gradients(Tensor[] inputs, Tensor? dx, Tensor? weight, Tensor? bias, PlaneGroups p, float[] groupDw, float[] groupDb)
    {
        var grads = new Tensor?[inputs.Length];
        grads[0] = dx;
        var k = 1;
        if (weight is not null)
        {
            if (weight.RequiresGrad) grads[k] = Tensor.FromArray(PlaneNorm.ToChannels(groupDw, p), p.Channels);
            k++;
        }
        if (bias is not null && bias.RequiresGrad) grads[k] = Tensor.FromArray(PlaneNorm.ToChannels(groupDb, p), p.Channels);
        return grads;
    }

    private static void CheckChannelVector(string op, string name, Tensor? t, int channels, Tensor x)
    {
        if (t is not null && (t.Rank != 1 || t.Shape[0] != channels))
            throw new ArgumentException($"{op}: {name} of shape {ShapeText.Format(t.Shape)} does not match input {ShapeText.Format(x.Shape)} (need [{channels}]).");
    }

    internal static void CheckEps(string op, float eps)
    {
        if (!(eps > 0f) || float.IsInfinity(eps))
            throw new ArgumentException($"{op}: eps {eps} must be positive and finite.");
    }
}
