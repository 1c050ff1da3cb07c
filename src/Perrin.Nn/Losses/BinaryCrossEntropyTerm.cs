namespace Perrin.Nn.Losses;

/// <summary>
/// −(t·ln p + (1 − t)·ln(1 − p)) on probabilities, each logarithm floored at −100 and the input gradient's
/// denominator p(1 − p) at 1e-12, exactly where PyTorch's BCELoss puts them, so saturated outputs stay finite.
/// </summary>
internal readonly struct BinaryCrossEntropyTerm : IPointwiseLoss
{
    private const double LogFloor = -100.0;
    private const float DenominatorFloor = 1e-12f;

    public float Value(int i, float x, float t)
    {
        var (logP, logQ) = Logs(x);
        return (float)(-((t * logP) + ((1.0 - t) * logQ)));
    }

    public float InputGrad(int i, float x, float t) => (x - t) / MathF.Max((1f - x) * x, DenominatorFloor);

    public float TargetGrad(int i, float x, float t)
    {
        var (logP, logQ) = Logs(x);
        return (float)(logQ - logP);
    }

    // 1 − p is exact in double for a float p, so ln(1 − p) needs no log1p.
    private static (double LogP, double LogQ) Logs(float p) =>
        (Math.Max(Math.Log(p), LogFloor), Math.Max(Math.Log(1.0 - p), LogFloor));
}
