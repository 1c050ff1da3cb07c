namespace Perrin.Nn.Losses;

/// <summary>
/// Binary cross-entropy on logits: (1 − t)·x + w·softplus(−x) with w = 1 + (p − 1)·t, where p is the positive
/// weight of the element (1 without one). softplus(−x) = max(−x, 0) + ln(1 + e^−|x|) never overflows, so logits of
/// any size give finite losses and gradients.
/// </summary>
internal readonly struct LogitBinaryCrossEntropyTerm : IPointwiseLoss
{
    private readonly float[]? _positiveWeight;

    public LogitBinaryCrossEntropyTerm(float[]? positiveWeight) => _positiveWeight = positiveWeight;

    public float Value(int i, float x, float t)
    {
        var w = 1f + ((PositiveWeight(i) - 1f) * t);
        return (float)(((1.0 - t) * x) + (w * SoftplusOfNegative(x)));
    }

    public float InputGrad(int i, float x, float t)
    {
        var w = 1f + ((PositiveWeight(i) - 1f) * t);
        return (1f - t) - (w * SigmoidOfNegative(x));
    }

    public float TargetGrad(int i, float x, float t) => (float)(-x + ((PositiveWeight(i) - 1.0) * SoftplusOfNegative(x)));

    private float PositiveWeight(int i) => _positiveWeight is null ? 1f : _positiveWeight[i];

    private static double SoftplusOfNegative(float x) => Math.Max(-x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs((double)x)));

    /// <summary>σ(−x) = 1/(1 + eˣ), formed from e^−|x| so neither branch overflows.</summary>
    internal static float SigmoidOfNegative(float x)
    {
        var e = MathF.Exp(-MathF.Abs(x));
        return x >= 0f ? e / (1f + e) : 1f / (1f + e);
    }
}
