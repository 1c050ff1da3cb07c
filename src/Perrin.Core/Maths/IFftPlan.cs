using System.Numerics;

namespace Perrin.Core.Maths;

/// <summary>A precomputed transform of one length; instances are immutable and shared between threads.</summary>
internal interface IFftPlan
{
    int Length { get; }

    /// <summary>Unnormalized transform in place; <paramref name="inverse"/> flips the sign of the exponent.</summary>
    void Transform(Span<Complex> data, bool inverse);
}
