using System.Numerics;
using Perrin.Core.Randomness;
using Perrin.Simulation.Iscat;

namespace Perrin.Simulation.Tests.Iscat;

public sealed class SubstrateSpeckleTests
{
    private const int Size = 256;

    private static SubstrateSpeckle Surface(double rmsNm, double correlationNm = 46) => new(662, 1.4, 1.518, 23, rmsNm, correlationNm);

    [Fact]
    public void HeightsHaveTheRmsAndGaussianCorrelationAsked()
    {
        // ℓ = 2 px: about 65536/(πℓ²) ≈ 5200 independent areas, so the sample rms is within ~1% (5σ ≈ 5%); the
        // correlation at lag ℓ is exp(−1) and at 2ℓ exp(−4), each within 0.05.
        var heights = new double[Size * Size];
        Surface(3).DrawHeights(new RandomStream(11, 0, SubstrateSpeckle.Purpose), Size, Size, heights);
        double mean = heights.Average();
        double variance = heights.Sum(h => (h - mean) * (h - mean)) / heights.Length;
        Assert.InRange(Math.Sqrt(variance), 3 * 0.95, 3 * 1.05);
        Assert.InRange(Math.Abs(mean), 0, 0.3);
        Assert.InRange(Correlation(heights, 2) / variance, Math.Exp(-1) - 0.05, Math.Exp(-1) + 0.05);
        Assert.InRange(Correlation(heights, 4) / variance, Math.Exp(-4) - 0.05, Math.Exp(-4) + 0.05);
    }

    [Fact]
    public void ReflectedPowerIsConservedWithinTheAperture()
    {
        // Phase rms 4π·n·h/λ ≈ 0.06 rad per nm; with ℓ = 46 nm the scattered light spreads to ~1/(πℓ) = 7 µm⁻¹,
        // inside NA/λ = 2.1 µm⁻¹ only in part, but its share is the phase variance, so the mean stays within 2%.
        foreach (var rms in new[] { 0.5, 1.0, 2.0 })
        {
            var field = Draw(Surface(rms), 0);
            double mean = field.Average(e => e.Magnitude * e.Magnitude);
            Assert.InRange(mean, 0.98, 1.0);
        }
    }

    [Fact]
    public void SpeckleGrowsWithRoughnessAndDefocus()
    {
        // In focus a weak phase screen φ shows only through the aperture's cut, so std(|E_r'|²) ∝ ⟨φ²⟩ ∝ rms²:
        // doubling the rms quadruples it (within 15%, the next order being O(φ²) ≈ 1%). Out of focus the phase
        // turns into intensity at first order (std ∝ rms), so 200 nm of defocus gives far more speckle.
        double previous = 0;
        foreach (var rms in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            double spread = Spread(Draw(Surface(rms), 0));
            if (previous > 0)
            {
                Assert.InRange(spread / previous, 4 * 0.85, 4 * 1.15);
            }

            previous = spread;
        }

        Assert.True(Spread(Draw(Surface(1) with { DefocusNm = 200 }, 0)) > 10 * Spread(Draw(Surface(1), 0)));
    }

    [Fact]
    public void TheSpeckleIsAPureFunctionOfSeedAndSample()
    {
        var surface = Surface(1);
        Assert.Equal(Draw(surface, 3), Draw(surface, 3));
        Assert.NotEqual(Draw(surface, 3), Draw(surface, 4));
        Assert.All(Draw(Surface(0) with { DefocusNm = 300 }, 3), e => Assert.Equal(1, e.Magnitude, 12));
    }

    private static double Spread(Complex[] field)
    {
        var intensity = field.Select(e => e.Magnitude * e.Magnitude).ToArray();
        double mean = intensity.Average();
        return Math.Sqrt(intensity.Sum(i => (i - mean) * (i - mean)) / intensity.Length);
    }

    private static Complex[] Draw(SubstrateSpeckle surface, ulong sample)
    {
        var field = new Complex[Size * Size];
        surface.Draw(SubstrateSpeckle.Stream(5, sample), Size, Size, field);
        return field;
    }

    private static double Correlation(double[] h, int lag)
    {
        double mean = h.Average();
        double sum = 0;
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                var a = h[(row * Size) + column] - mean;
                sum += a * (h[(row * Size) + ((column + lag) % Size)] - mean);
                sum += a * (h[(((row + lag) % Size) * Size) + column] - mean);
            }
        }

        return sum / (2.0 * h.Length);
    }
}
