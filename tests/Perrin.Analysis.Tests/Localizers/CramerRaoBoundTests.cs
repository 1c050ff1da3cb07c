using Perrin.Analysis.Localizers;

namespace Perrin.Analysis.Tests.Localizers;

public sealed class CramerRaoBoundTests
{
    [Fact]
    public void WithoutBackgroundMortensenIsTheShotNoiseLimit()
    {
        // No background: τ = 0, the integral vanishes and Var = (σ² + a²/12)/N.
        Assert.Equal((1.69 + (1.0 / 12)) / 1000, CramerRaoBound.MortensenVariance(1000, 0, 1.3, 1), 1e-15);
    }

    [Fact]
    public void MortensenIntegralMatchesItsClosedFormAtTauOne()
    {
        // ∫₀¹ ln t / (1 + t) dt = −π²/12, so at τ = 1 the variance is σₐ²/N / (1 − π²/12).
        var sigmaA2 = 1.69 + (1.0 / 12);
        var background = 1000 / (2 * Math.PI * sigmaA2);
        var expected = sigmaA2 / 1000 / (1 - (Math.PI * Math.PI / 12));
        Assert.Equal(expected, CramerRaoBound.MortensenVariance(1000, background, 1.3, 1), 1e-12 * expected);
    }

    [Fact]
    public void UnitsScaleTogether()
    {
        var px = Math.Sqrt(CramerRaoBound.MortensenVariance(700, 15, 1.25, 1));
        Assert.Equal(px * 108, CramerRaoBound.MortensenUncertaintyNm(700, 15, 1.25 * 108, 108), 1e-9);
    }

    // Mortensen's σₐ² = σ² + a²/12 is an approximation of the pixelated model; for σ ≥ 1 px it agrees with the
    // exact Fisher bound to within about 1%.
    [Theory]
    [InlineData(200.0, 10.0, 1.3)]
    [InlineData(500.0, 10.0, 1.3)]
    [InlineData(1000.0, 10.0, 1.3)]
    [InlineData(5000.0, 10.0, 1.3)]
    [InlineData(1000.0, 0.0, 1.0)]
    [InlineData(3000.0, 50.0, 2.0)]
    public void MortensenFormulaMatchesTheFisherMatrix(double photons, double background, double sigma)
    {
        var formula = CramerRaoBound.MortensenUncertaintyNm(photons, background, sigma * 100, 100);
        var fisher = CramerRaoBound.FisherUncertaintyNm(photons, background, sigma * 100, 100);
        Assert.InRange(formula / fisher, 0.99, 1.01);
    }

    [Fact]
    public void FisherBoundIsSymmetricAndGrowsWhenSigmaIsFitted()
    {
        var centred = CramerRaoBound.Fisher(1000, 10, 1.3, 9, 4, 4, fitSigma: false);
        Assert.Equal(centred.VarianceX, centred.VarianceY, 1e-15);
        Assert.True(double.IsNaN(centred.VarianceSigma));
        var free = CramerRaoBound.Fisher(1000, 10, 1.3, 9, 4, 4, fitSigma: true);
        Assert.True(free.VarianceX >= centred.VarianceX);
        Assert.True(free.VarianceSigma > 0);
        Assert.True(free.VariancePhotons > centred.VariancePhotons);

        // Read noise adds a flat variance to every pixel, as more background would.
        var noisy = CramerRaoBound.Fisher(1000, 10, 1.3, 9, 4, 4, fitSigma: false, readNoiseVariance: 5);
        var dimmer = CramerRaoBound.Fisher(1000, 15, 1.3, 9, 4, 4, fitSigma: false);
        Assert.Equal(dimmer.VarianceX, noisy.VarianceX, 1e-12);
    }

    [Fact]
    public void FisherPhotonBoundWithoutBackgroundIsPoisson()
    {
        // With no background and a ROI holding the whole spot, N̂ is a sum of Poisson counts: Var = N.
        var bound = CramerRaoBound.Fisher(1000, 1e-9, 1.0, 21, 10, 10, fitSigma: false);
        Assert.Equal(1000, bound.VariancePhotons, 1.0);
    }

    [Fact]
    public void AbsurdArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("photons", () => CramerRaoBound.MortensenVariance(0, 10, 1.3, 1));
        Assert.Throws<ArgumentOutOfRangeException>("background", () => CramerRaoBound.MortensenVariance(100, -1, 1.3, 1));
        Assert.Throws<ArgumentOutOfRangeException>("sigma", () => CramerRaoBound.MortensenVariance(100, 1, double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>("pixelSize", () => CramerRaoBound.MortensenVariance(100, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>("roiSize", () => CramerRaoBound.Fisher(100, 1, 1, 2, 1, 1, false));
    }
}
