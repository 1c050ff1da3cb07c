using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;
using static Perrin.Analysis.Tests.Evaluation.Locs;

namespace Perrin.Analysis.Tests.Evaluation;

public class GaussianCrlbTests
{
    // σ = 100 nm and a = 120 nm give σₐ² = 100² + 120²/12 = 11200 nm².
    private static readonly GaussianCrlb NoBackground = new(psfSigmaNm: 100, backgroundPhotons: 0, pixelSizeNm: 120);

    [Fact]
    public void WithoutBackgroundTheBoundIsSigmaASquaredOverN()
    {
        Assert.Equal(16.0, NoBackground.Variance(700));
        Assert.Equal(4.0, NoBackground.StandardDeviation(700));
        Assert.Equal(4.0, NoBackground.Variance(2800));
        Assert.True(double.IsNaN(NoBackground.Variance(0)));
        Assert.True(double.IsNaN(NoBackground.Variance(double.NaN)));
    }

    [Fact]
    public void AtTauOneTheIntegralIsMinusPiSquaredOverTwelve()
    {
        // τ = 2π σₐ² b / (N a²) = 1 when b = N a² / (2π σₐ²); then ∫₀¹ ln t / (1 + t) dt = Li₂(−1) = −π²/12.
        const double photons = 700;
        var b = photons * 120 * 120 / (2 * Math.PI * 11200);
        var crlb = new GaussianCrlb(100, b, 120);
        var expected = 16.0 / (1 - (Math.PI * Math.PI / 12));
        Assert.Equal(expected, crlb.Variance(photons), expected * 1e-14);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(40.0)]
    public void TheClosedFormMatchesTheIntegralNumerically(double tau)
    {
        // ∫₀¹ ln t / (1 + t/τ) dt with t = e^(−s): −∫₀^∞ s e^(−s) / (1 + e^(−s)/τ) ds, by Simpson's rule on [0, 60].
        const int n = 200_000;
        const double h = 60.0 / n;
        var sum = 0.0;
        for (var i = 0; i <= n; i++)
        {
            var s = i * h;
            var f = -s * Math.Exp(-s) / (1 + (Math.Exp(-s) / tau));
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }

        var integral = sum * h / 3;
        var closed = Dilogarithm.OfNegative(1 / tau) * tau;
        Assert.Equal(integral, closed, 1e-12);
    }

    [Fact]
    public void DilogarithmKnownValuesAndContinuityAtTheInversionPoint()
    {
        Assert.Equal(-Math.PI * Math.PI / 12, Dilogarithm.OfNegative(1), 1e-15);
        Assert.Equal(0.0, Dilogarithm.OfNegative(0));
        Assert.Equal(Dilogarithm.OfNegative(1), Dilogarithm.OfNegative(Math.BitIncrement(1.0)), 1e-15);

        // Li₂(−c) = Σ (−c)ᵏ/k²; five terms leave c⁶/36 ≈ 3e-20 at c = 1e-3.
        const double c = 1e-3;
        Assert.Equal(-c + (c * c / 4) - (Math.Pow(c, 3) / 9) + (Math.Pow(c, 4) / 16) - (Math.Pow(c, 5) / 25), Dilogarithm.OfNegative(c), 1e-18);
    }

    [Fact]
    public void TheRatioToTheBoundIsOneWhenTheErrorsMatchIt()
    {
        // Bounds 16 and 4 nm² (N = 700 and 2800): sqrt(mean CRLB²) = sqrt(10). Per-coordinate squared errors
        // (4² + 4²)/2 = 16 and (2² + 2²)/2 = 4 have the same mean: the ratio is exactly 1. The third pair's truth
        // has no photon count and stays out of the comparison.
        Localization[] truth = [Photons(0, 1000, 1000, 700), Photons(0, 3000, 1000, 2800), At(0, 5000, 1000)];
        Localization[] detections = [At(0, 1004, 1004), At(0, 3002, 998), At(0, 5100, 1000)];
        var s = LocalizationEvaluator.Evaluate(detections, truth, new EvaluationOptions { Crlb = NoBackground }).Overall;
        Assert.Equal(3L, s.TruePositives);
        Assert.Equal(2L, s.CrlbPairs);
        Assert.Equal(Math.Sqrt(10), s.CrlbNm);
        Assert.Equal(1.0, s.RmseOverCrlb);

        var doubled = LocalizationEvaluator.Evaluate([At(0, 1008, 1008), At(0, 3004, 996)], truth[..2], new EvaluationOptions { Crlb = NoBackground }).Overall;
        Assert.Equal(2.0, doubled.RmseOverCrlb);
    }

    [Fact]
    public void WithoutABoundTheComparisonIsUndefined()
    {
        var s = LocalizationEvaluator.Evaluate([At(0, 1004, 1004)], [Photons(0, 1000, 1000, 700)]).Overall;
        Assert.Equal(0L, s.CrlbPairs);
        Assert.True(double.IsNaN(s.CrlbNm) && double.IsNaN(s.RmseOverCrlb));
    }

    [Theory]
    [InlineData(0.0, 0.0, 100.0, "PSF sigma")]
    [InlineData(100.0, -1.0, 100.0, "background")]
    [InlineData(100.0, 1.0, double.NaN, "pixel size")]
    public void UnusableParametersAreRejected(double sigma, double background, double pixel, string named) =>
        Assert.Contains(named, Assert.Throws<ArgumentException>(() => new GaussianCrlb(sigma, background, pixel)).Message);
}
