namespace Perrin.Core.Randomness;

/// <summary>Which vector registers a bulk kernel uses. Every width gives the same bits; only the speed differs.</summary>
internal enum SimdWidth
{
    Scalar,
    Vector256,
    Vector512,
}
