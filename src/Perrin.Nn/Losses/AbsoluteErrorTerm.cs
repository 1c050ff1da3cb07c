namespace Perrin.Nn.Losses;

/// <summary>|x − t|, with the subgradient 0 where x = t as in PyTorch.</summary>
internal readonly struct AbsoluteErrorTerm : IPointwiseLoss
{
    public float Value(int i, float x, float t) => MathF.Abs(x - t);

    public float InputGrad(int i, float x, float t) => x > t ? 1f : x < t ? -1f : 0f;

    public float TargetGrad(int i, float x, float t) => x > t ? -1f : x < t ? 1f : 0f;
}
