using System.Numerics;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Exact fractional Gaussian noise of a fixed length by circulant embedding (Davies and Harte, Biometrika 74, 95
/// (1987); Wood and Chan, J. Comput. Graph. Stat. 3, 409 (1994)): the autocovariance of 2N points is embedded in a
/// circulant matrix whose eigenvalues are one FFT of it, and one FFT of complex white noise scaled by their square
/// roots gives two independent exact paths (real and imaginary parts). O(n log n) time per pair of paths. The
/// eigenvalues are nonnegative for fGn for every H in (0, 1) (Craigmile, J. Time Ser. Anal. 24, 505 (2003));
/// <see cref="TryCreate"/> still checks them, so a caller can fall back to <see cref="FractionalNoiseGenerator"/>.
/// Immutable after construction and safe to share between threads.
/// </summary>
public sealed class CirculantFractionalNoise
{
    /// <summary>The longest path: 2²² steps, a 2²³-point transform of 128 MiB.</summary>
    public const int MaxLength = 1 << 22;

    private readonly double[] _scales;

    private CirculantFractionalNoise(double hurst, int length, double[] scales)
    {
        Hurst = hurst;
        Length = length;
        _scales = scales;
    }

    public double Hurst { get; }

    /// <summary>The number of values of each path.</summary>
    public int Length { get; }

    /// <summary>
    /// The embedding for paths of <paramref name="length"/> values, or null with the reason in
    /// <paramref name="problem"/> when an eigenvalue is negative beyond rounding.
    /// </summary>
    public static CirculantFractionalNoise? TryCreate(double hurst, int length, out string? problem)
    {
        if (!(hurst > 0 && hurst < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hurst), $"the Hurst exponent must lie in (0, 1), not {hurst}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        var half = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(length, 2));
        var size = 2 * half;
        var row = new Complex[size];
        for (var k = 0; k <= half; k++)
        {
            var c = FractionalGaussianNoise.Autocovariance(hurst, k);
            row[k] = c;
            if (k > 0 && k < half)
            {
                row[size - k] = c;
            }
        }

        Fft.Forward(row);

        // The eigenvalues sum to size·c(0) = size, so rounding errors are of order size·ε.
        var tolerance = 1e-9 * size;
        var scales = new double[size];
        for (var k = 0; k < size; k++)
        {
            var eigenvalue = row[k].Real;
            if (eigenvalue < -tolerance)
            {
                problem = $"the circulant embedding of fGn with H = {hurst} over {length} steps has a negative eigenvalue ({eigenvalue:G4} at index {k})";
                return null;
            }

            scales[k] = Math.Sqrt(Math.Max(eigenvalue, 0) / size);
        }

        problem = null;
        return new CirculantFractionalNoise(hurst, length, scales);
    }

    /// <summary>Fills two independent unit-variance fGn paths (each exactly <see cref="Length"/> long; the second may be empty).</summary>
    public void Generate(RandomStream random, Span<double> first, Span<double> second)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (first.Length != Length || (second.Length != Length && !second.IsEmpty))
        {
            throw new ArgumentException($"the paths must hold {Length} values, not {first.Length} and {second.Length}", nameof(first));
        }

        var noise = new Complex[_scales.Length];
        for (var k = 0; k < noise.Length; k++)
        {
            var re = random.Normal();
            var im = random.Normal();
            noise[k] = new Complex(_scales[k] * re, _scales[k] * im);
        }

        Fft.Forward(noise);
        for (var i = 0; i < Length; i++)
        {
            first[i] = noise[i].Real;
        }

        for (var i = 0; i < second.Length; i++)
        {
            second[i] = noise[i].Imaginary;
        }
    }
}
