namespace Perrin.Nn.Losses;

/// <summary>
/// One element's loss ℓ(x, t) and its partial derivatives. Implemented by structs so the generic kernel in
/// <see cref="PointwiseLoss"/> is specialised and inlined per loss instead of calling through a delegate.
/// </summary>
internal interface IPointwiseLoss
{
    /// <summary>ℓ at element <paramref name="i"/> with input <paramref name="x"/> and target <paramref name="t"/>.</summary>
    float Value(int i, float x, float t);

    /// <summary>∂ℓ/∂x.</summary>
    float InputGrad(int i, float x, float t);

    /// <summary>∂ℓ/∂t.</summary>
    float TargetGrad(int i, float x, float t);
}
