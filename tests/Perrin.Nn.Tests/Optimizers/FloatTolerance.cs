namespace Perrin.Nn.Tests.Optimizers;

/// <summary>Compares floats within an absolute tolerance, for collection assertions.</summary>
public sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
