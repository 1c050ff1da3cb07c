using Perrin.Analysis.Diffusion;

namespace Perrin.Analysis.Tests.Diffusion;

/// <summary>
/// D = 0.1 µm²/s, Δt = 50 ms, so D·Δt = 0.005 µm² (a 100 nm rms step per coordinate); 400 tracks of 100 points.
/// </summary>
public sealed class EstimatorTests
{
    private const double D = 0.1;
    private const double Dt = 0.05;

    private static MsdCurve Ensemble(List<Track> tracks, int maxLag = 20) =>
        Msd.Ensemble([.. tracks.Select(t => Msd.ForTrack(t, maxLag, Dt))]);

    [Fact]
    public void EveryEstimatorRecoversDWithoutNoise()
    {
        var tracks = SimulatedTracks.Brownian(1, 400, 100, D, Dt);
        var msd = Ensemble(tracks);

        Assert.InRange(MsdLineFit.Fit(msd, 4, MotionBlur.Instantaneous).D / D, 0.97, 1.03);
        Assert.InRange(MichaletFit.Fit(msd, MotionBlur.Instantaneous).D / D, 0.97, 1.03);
        var cve = CovarianceEstimator.Estimate(tracks, Dt, blur: MotionBlur.Instantaneous);
        Assert.InRange(cve.D / D, 0.98, 1.02);
        Assert.InRange(cve.LocalizationVariance, -0.0002, 0.0002);

        // The mean of per-track estimates is unbiased too, within 5 %.
        var perTrack = tracks.Select(t => CovarianceEstimator.Estimate(t, Dt, blur: MotionBlur.Instantaneous).D).Average();
        Assert.InRange(perTrack / D, 0.95, 1.05);
    }

    [Fact]
    public void NoiseBiasesTheLineThroughTheOriginButNotTheCveOrMichalet()
    {
        // σ = 50 nm: σ² = 0.0025 µm², reduced error x = σ²/(DΔt) = 0.5.
        var tracks = SimulatedTracks.Brownian(2, 400, 100, D, Dt, sigmaNm: 50);
        var msd = Ensemble(tracks);

        // Through the origin on lags 1..4 the offset 4σ² leaks into the slope: bias x·Σn/Σn² = 0.5·10/30.
        var naive = MsdLineFit.FitThroughOrigin(msd, 4).D / D - 1;
        Assert.InRange(naive, (0.5 * 10 / 30) - 0.03, (0.5 * 10 / 30) + 0.03);

        // The line with an offset, Michalet's choice of lags, and the CVE are unbiased.
        Assert.InRange(MsdLineFit.Fit(msd, 4, MotionBlur.Instantaneous).D / D, 0.96, 1.04);
        var michalet = MichaletFit.Fit(msd, MotionBlur.Instantaneous);
        Assert.InRange(michalet.D / D, 0.96, 1.04);
        Assert.Equal(MichaletFit.OptimalLags(0.5), michalet.Lags);
        var cve = CovarianceEstimator.Estimate(tracks, Dt, blur: MotionBlur.Instantaneous);
        Assert.InRange(cve.D / D, 0.97, 1.03);
        Assert.InRange(cve.LocalizationVariance / 0.0025, 0.93, 1.07);
        Assert.InRange(michalet.LocalizationVariance / 0.0025, 0.85, 1.15);
    }

    [Fact]
    public void CveScatterMatchesItsPredictedStandardError()
    {
        var tracks = SimulatedTracks.Brownian(3, 400, 100, D, Dt, sigmaNm: 50);
        var fits = tracks.Select(t => CovarianceEstimator.Estimate(t, Dt, blur: MotionBlur.Instantaneous)).ToArray();
        var mean = fits.Average(f => f.D);
        var sd = Math.Sqrt(fits.Sum(f => (f.D - mean) * (f.D - mean)) / (fits.Length - 1));

        // Vestergaard's variance at x = 0.5, N = 99 steps, d = 2: D²[(6 + 2 + 0.5)/99 + 4·2.25/99²]/2.
        var predicted = D * Math.Sqrt((8.5 / 99 + (9.0 / (99 * 99))) / 2);
        Assert.InRange(sd / predicted, 0.88, 1.12);
        Assert.InRange(fits.Average(f => f.DStdErr) / predicted, 0.9, 1.1);
        Assert.InRange(mean / D, 0.96, 1.04);
    }

    [Fact]
    public void CveSeparatesMotionBlurFromLocalizationError()
    {
        // Each frame averages 20 sub-positions (continuous exposure, R ≈ 1/6); σ = 30 nm so σ² = 0.0009 µm².
        var tracks = SimulatedTracks.Brownian(4, 400, 100, D, Dt, sigmaNm: 30, substeps: 20);
        var blurred = CovarianceEstimator.Estimate(tracks, Dt, blur: MotionBlur.Continuous);
        Assert.InRange(blurred.D / D, 0.97, 1.03);
        Assert.InRange(blurred.LocalizationVariance / 0.0009, 0.9, 1.1);

        // Ignoring the blur misreads it as negative localization variance: σ² − 2RDΔt = 0.0009 − 0.00167.
        var ignored = CovarianceEstimator.Estimate(tracks, Dt, blur: MotionBlur.Instantaneous);
        Assert.InRange(ignored.LocalizationVariance, -0.0009, -0.0006);
        Assert.Equal(blurred.D, ignored.D, 12);

        // The line with an offset reads σ² right only when told R.
        var line = MsdLineFit.Fit(Ensemble(tracks), 4, MotionBlur.Continuous);
        Assert.InRange(line.LocalizationVariance / 0.0009, 0.8, 1.2);
    }

    [Fact]
    public void CveUsesOnlyStepsBetweenConsecutiveFrames()
    {
        // Steps x: 1, 2 (frames 0-1-2), gap, then 3 (frames 5-6). Steps 1, 2, 3 µm; one neighbour pair (1·2).
        var track = new Track(7, [0, 1, 2, 5, 6], [0, 1000, 3000, 9000, 12000], [0, 0, 0, 0, 0]);
        var fit = CovarianceEstimator.Estimate(track, 1, dimension: 1, blur: 0);
        Assert.Equal(3, fit.Points);
        Assert.Equal((14.0 / 3 / 2) + 2.0, fit.D, 12);
        Assert.Equal(-2.0, fit.LocalizationVariance, 12);
    }

    [Fact]
    public void MichaletLagCountFollowsTheFormula()
    {
        Assert.Equal(2, MichaletFit.OptimalLags(0));
        Assert.Equal(2, MichaletFit.OptimalLags(-1));
        Assert.Equal(4, MichaletFit.OptimalLags(1));
        Assert.Equal((int)Math.Floor(2 + (2.3 * Math.Pow(10, 0.52))), MichaletFit.OptimalLags(10));
        Assert.Equal(int.MaxValue, MichaletFit.OptimalLags(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => MichaletFit.OptimalLags(double.NaN));
    }

    [Fact]
    public void LineFitOnAnExactLineIsExact()
    {
        // A one-dimensional ramp of 1 µm per frame has MSD(n) = n² µm² exactly.
        var track = new Track(1, [0, 1, 2, 3, 4, 5], [0, 1000, 2000, 3000, 4000, 5000], [0, 0, 0, 0, 0, 0]);
        var msd = Msd.ForTrack(track, 3, 1, dimension: 1);
        var fit = MsdLineFit.Fit(msd, 3, 0);

        // Points (1, 1), (2, 4), (3, 9): slope 4, intercept −10/3; D = slope/2, σ² = intercept/2.
        Assert.Equal(2.0, fit.D, 12);
        Assert.Equal(-10.0 / 6, fit.LocalizationVariance, 12);
        Assert.Equal(3, fit.Lags);
        var alpha = PowerLawFit.Fit(msd, 1, 3);
        Assert.Equal(2.0, alpha.Alpha, 12);
        Assert.Equal(0.5, alpha.K, 12);
    }

    [Fact]
    public void TooFewLagsGiveNaNNotAnException()
    {
        var track = new Track(1, [0, 1], [0, 100], [0, 0]);
        var msd = Msd.ForTrack(track, 4, 1);
        Assert.True(double.IsNaN(MsdLineFit.Fit(msd, 4).D));
        Assert.True(double.IsNaN(MichaletFit.Fit(msd).D));
        Assert.True(double.IsNaN(CovarianceEstimator.Estimate(track, 1).D));
        Assert.True(double.IsNaN(PowerLawFit.Fit(msd, 1, 4).Alpha));
        Assert.Equal("blur", Assert.Throws<ArgumentOutOfRangeException>(() => MsdLineFit.Fit(msd, 2, 0.5)).ParamName);
        Assert.Equal("lags", Assert.Throws<ArgumentOutOfRangeException>(() => MsdLineFit.Fit(msd, 5)).ParamName);
    }
}
