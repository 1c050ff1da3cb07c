using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

/// <summary>
/// The camera's output moments against closed forms. Tolerances are 5 standard errors of the estimator
/// (mean: sqrt(var/n); variance of a near-normal sample: var·sqrt(2/n)); quantization adds 1/12 ADU² (Sheppard).
/// </summary>
public sealed class CameraNoiseStatisticsTests
{
    private const double Quantization = 1.0 / 12;

    private static readonly CameraModel Counting = new() { BitDepth = 24 };

    [Theory]
    [InlineData(7.3f)]
    [InlineData(42.5f)]
    [InlineData(0.4f)]
    public void PlainPoissonHasVarianceEqualToItsMean(float photons)
    {
        var m = SampleMoments.Of(CameraTestFrames.Uniform(Counting, photons, 256, 256, 4));

        // Poisson: variance λ; the sample variance has variance (μ4 − σ⁴)/n = (λ + 2λ²)/n.
        Assert.InRange(m.Mean, photons - (5 * m.MeanError), photons + (5 * m.MeanError));
        var varianceError = Math.Sqrt((photons + (2.0 * photons * photons)) / m.Count);
        Assert.InRange(m.Variance, photons - (5 * varianceError), photons + (5 * varianceError));
    }

    [Fact]
    public void SmlmChallengeCameraConservesPhotons()
    {
        var camera = CameraModel.SmlmChallenge2016Emccd with { DarkElectrons = 0.05 };
        const double photons = 20;
        var m = SampleMoments.Of(CameraTestFrames.Uniform(camera, (float)photons, 256, 256, 4));

        // Mean ADU = (photons·QE + dark)·G_em / (e⁻/ADU) + baseline; variance 2·G²·n_e (EM excess noise) + read².
        var electrons = (photons * 0.9) + 0.05;
        var expectedMean = (electrons * 300 / 45) + 100;
        var expectedVariance = (((2 * 300.0 * 300 * electrons) + (74.4 * 74.4)) / (45.0 * 45)) + Quantization;
        var meanError = Math.Sqrt(expectedVariance / m.Count);
        Assert.InRange(m.Mean, expectedMean - (5 * meanError), expectedMean + (5 * meanError));
        Assert.InRange(m.Variance / expectedVariance, 0.97, 1.03);
    }

    [Fact]
    public void ElectronMultiplicationDoublesTheShotNoiseVariance()
    {
        const double gain = 300, electrons = 20;
        var emccd = Counting with { EmGain = gain };
        var m = SampleMoments.Of(CameraTestFrames.Uniform(emccd, (float)electrons, 256, 256, 4));

        // Excess noise factor F² = 2 at high gain (Basden et al., MNRAS 345, 985 (2003)): var = 2·G²·n̄.
        var expectedMean = gain * electrons;
        Assert.InRange(m.Mean, expectedMean - (5 * m.MeanError), expectedMean + (5 * m.MeanError));
        Assert.InRange(m.Variance / (2 * gain * gain * electrons), 0.97, 1.03);
    }

    [Fact]
    public void SingleElectronsLeaveTheRegisterExponentiallyDistributed()
    {
        // Mean 0.01 e⁻: almost every non-zero pixel holds one electron, and Gamma(1, G) is Exp(G): P(out > G | out > 0) = 1/e.
        var frames = CameraTestFrames.Uniform(Counting with { EmGain = 100 }, 0.01f, 256, 256, 8);
        var lit = frames.Count(v => v > 0);
        var aboveGain = frames.Count(v => v > 100.5);
        var fraction = aboveGain / (double)lit;
        var error = Math.Sqrt(Math.Exp(-1) * (1 - Math.Exp(-1)) / lit);
        Assert.InRange(fraction, Math.Exp(-1) - 0.005 - (5 * error), Math.Exp(-1) + 0.005 + (5 * error));
    }

    [Fact]
    public void ReadNoiseAddsInQuadrature()
    {
        const double photons = 50, sigma = 5;
        var camera = Counting with { ReadNoiseElectrons = sigma, BaselineAdu = 100 };
        var m = SampleMoments.Of(CameraTestFrames.Uniform(camera, (float)photons, 256, 256, 4));

        var expected = photons + (sigma * sigma) + Quantization;
        var error = expected * Math.Sqrt(2.0 / m.Count);
        Assert.InRange(m.Variance, expected - (5 * error), expected + (5 * error));
        Assert.InRange(m.Mean, 150 - (5 * m.MeanError), 150 + (5 * m.MeanError));
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e5)]
    [InlineData(1e6)]
    public void IscatCountsHaveRelativeNoiseOneOverRootN(double photons)
    {
        var m = SampleMoments.Of(CameraTestFrames.Uniform(Counting, (float)photons, 256, 256, 1));

        // Relative error of a sample standard deviation ≈ 1/sqrt(2n).
        var relative = Math.Sqrt(m.Variance) / m.Mean;
        var expected = 1 / Math.Sqrt(photons);
        var error = expected / Math.Sqrt(2.0 * m.Count);
        Assert.InRange(relative, expected - (5 * error), expected + (5 * error));
        Assert.InRange(m.Mean, photons - (5 * m.MeanError), photons + (5 * m.MeanError));
    }

    [Fact]
    public void QuantumEfficiencyThinsPhotonsIntoAPoissonOfTheProduct()
    {
        // Binomial thinning of a Poisson stays Poisson: mean = variance = QE·photons.
        var m = SampleMoments.Of(CameraTestFrames.Uniform(Counting with { QuantumEfficiency = 0.25 }, 80, 256, 256, 2));
        Assert.InRange(m.Mean, 20 - (5 * m.MeanError), 20 + (5 * m.MeanError));
        var varianceError = Math.Sqrt((20 + (2.0 * 20 * 20)) / m.Count);
        Assert.InRange(m.Variance, 20 - (5 * varianceError), 20 + (5 * varianceError));
    }
}
