namespace Perrin.Nn.Losses;

/// <summary>(x − t)².</summary>
internal readonly struct SquaredErrorTerm : IPointwiseLoss
{
    public float Value(int i, float x, float t)
    {
        var d = x - t;
        return d * d;
    }

    public float InputGrad(int i, float x, float t) => 2f * (x - t);

    public float TargetGrad(int i, float x, float t) => 2f * (t - x);
}
