using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// A smooth random background (cell autofluorescence, out-of-focus structure):
/// B(x, y) = max(0, <see cref="Mean"/> + <see cref="Amplitude"/>·f(x, y)) photons, where
/// f = sqrt(2/K)·Σⱼ cos(kxⱼ·x + kyⱼ·y + φⱼ) is a sum of K = <see cref="Components"/> random cosines with wave vectors
/// drawn from N(0, 1/ℓ²) per axis and phases uniform in [0, 2π) (random Fourier features). Over draws, f has mean 0,
/// variance 1 and the Gaussian correlation exp(−r²/(2ℓ²)) with ℓ = <see cref="CorrelationLength"/> pixels, so the
/// field is stationary and isotropic; a single draw over an image much smaller than ℓ is close to a gradient.
/// Each call draws a new field from the stream it is given: pass a stream with the same seed and index every frame
/// for a background that stays fixed over a movie.
/// </summary>
public sealed record StructuredBackground : IBackground
{
    public StructuredBackground(double mean, double amplitude, double correlationLength)
    {
        Mean = mean;
        Amplitude = amplitude;
        CorrelationLength = correlationLength;
    }

    /// <summary>Mean expected photons per pixel.</summary>
    public double Mean { get; init => field = CameraArguments.NotNegative(value, nameof(Mean)); }

    /// <summary>Standard deviation of the field around <see cref="Mean"/>, in photons (before clipping at 0).</summary>
    public double Amplitude { get; init => field = CameraArguments.NotNegative(value, nameof(Amplitude)); }

    /// <summary>Correlation length ℓ in pixels.</summary>
    public double CorrelationLength { get; init => field = CameraArguments.Positive(value, nameof(CorrelationLength)); }

    /// <summary>Number of cosines K, 1 to 256: more gives a field closer to Gaussian, at K multiply-adds per pixel.</summary>
    public int Components
    {
        get;
        init
        {
            if (value is < 1 or > 256)
            {
                throw new ArgumentException($"{nameof(Components)} must be between 1 and 256, not {value}", nameof(Components));
            }

            field = value;
        }
    } = 32;

    public void AddTo(Span<float> photons, int width, int height, RandomStream? rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CameraArguments.ImageSize(photons.Length, width, height, nameof(photons));
        var k = Components;

        // cos(a + b) = cos a·cos b − sin a·sin b separates each cosine into a column and a row factor,
        // so a pixel costs 2K multiply-adds instead of K cosines.
        var pool = ArrayPool<float>.Shared;
        var columns = pool.Rent(2 * k * width);
        var rows = pool.Rent(2 * k * height);
        var accumulator = pool.Rent(width);
        try
        {
            var weight = Amplitude * Math.Sqrt(2.0 / k);
            for (var j = 0; j < k; j++)
            {
                var kx = rng.Normal() / CorrelationLength;
                var ky = rng.Normal() / CorrelationLength;
                var phase = 2 * Math.PI * rng.NextDouble();
                for (var x = 0; x < width; x++)
                {
                    var (sin, cos) = Math.SinCos((kx * x) + phase);
                    columns[(2 * j * width) + x] = (float)(weight * cos);
                    columns[(((2 * j) + 1) * width) + x] = (float)(weight * sin);
                }

                for (var y = 0; y < height; y++)
                {
                    var (sin, cos) = Math.SinCos(ky * y);
                    rows[(2 * j * height) + y] = (float)cos;
                    rows[(((2 * j) + 1) * height) + y] = (float)sin;
                }
            }

            var acc = accumulator.AsSpan(0, width);
            for (var y = 0; y < height; y++)
            {
                acc.Fill((float)Mean);
                for (var j = 0; j < k; j++)
                {
                    AddScaled(acc, columns.AsSpan(2 * j * width, width), rows[(2 * j * height) + y]);
                    AddScaled(acc, columns.AsSpan(((2 * j) + 1) * width, width), -rows[(((2 * j) + 1) * height) + y]);
                }

                var row = photons.Slice(y * width, width);
                for (var x = 0; x < width; x++)
                {
                    row[x] += Math.Max(0f, acc[x]);
                }
            }
        }
        finally
        {
            pool.Return(columns);
            pool.Return(rows);
            pool.Return(accumulator);
        }
    }

    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float factor)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(target);
        var sourceVectors = MemoryMarshal.Cast<float, Vector<float>>(source);
        var scale = new Vector<float>(factor);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] += sourceVectors[i] * scale;
        }

        for (var i = vectors.Length * Vector<float>.Count; i < target.Length; i++)
        {
            target[i] += source[i] * factor;
        }
    }
}
