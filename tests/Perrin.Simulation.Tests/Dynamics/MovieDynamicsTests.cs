using Perrin.Core.Randomness;
using Perrin.Simulation.Dynamics;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Dynamics;

public sealed class MovieDynamicsTests
{
    private static readonly DynamicsUnits Units = new(pixelSizeNm: 200, frameIntervalS: 0.01);

    /// <summary>Field 16×16 px of 0.2 µm (10.24 µm²) in a 32×32 px region (40.96 µm²); steps of 1.4 px per axis.</summary>
    private static MovieDynamicsOptions Options(IMotionModel? motion = null) => new()
    {
        FieldWidth = 16,
        FieldHeight = 16,
        MarginPx = 8,
        DensityPerUm2 = 1,
        Motion = motion ?? new BrownianMotion(4, Units),
    };

    [Fact]
    public void ParticleCountIsPoissonOverTheRegion()
    {
        // Mean density × area = 40.96; the mean of n Poisson counts has a standard error of sqrt(40.96/n).
        const int n = 400;
        var counts = Enumerable.Range(0, n).Select(i => new MovieDynamics(Options(), new RandomStream(41, (ulong)i)).Particles.Count).ToArray();
        var band = 5 * Math.Sqrt(40.96 / n);
        Assert.InRange(counts.Average(), 40.96 - band, 40.96 + band);
        Assert.Equal(40.96, new MovieDynamics(Options(), new RandomStream(41, 0)).RegionAreaUm2, 10);
        Assert.Equal(10.24, new MovieDynamics(Options(), new RandomStream(41, 0)).FieldAreaUm2, 10);
    }

    [Fact]
    public void DensityInTheFieldStaysAtTheTargetOverAThousandFrames()
    {
        // Expected count in the field: 1 /µm² × 10.24 µm². For each of m independent movies the mean field count
        // over frames 0–99 and over frames 900–999 is one sample; the standard error of their average is the
        // sample standard deviation over movies / √m (movies are independent, frames within one are not).
        // Losing particles, or refilling the region unevenly, shifts the late window by far more than 5 of these.
        const int movies = 24, frames = 1000;
        var early = new double[movies];
        var late = new double[movies];
        for (var m = 0; m < movies; m++)
        {
            var dynamics = new MovieDynamics(Options(), new RandomStream(42, (ulong)m));
            for (var f = 0; f < frames; f++)
            {
                var count = dynamics.NextFrame().Particles.Count;
                early[m] += f < 100 ? count / 100.0 : 0;
                late[m] += f >= 900 ? count / 100.0 : 0;
            }
        }

        foreach (var window in new[] { early, late })
        {
            var mean = window.Average();
            var standardError = Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / (movies - 1) / movies);
            Assert.InRange(mean, 10.24 - (5 * standardError), 10.24 + (5 * standardError));
            Assert.InRange(standardError, 0.05, 1.5);
        }
    }

    [Fact]
    public void TrackIdsAreUniqueAndALeavingParticleNeverReturns()
    {
        var dynamics = new MovieDynamics(Options(), new RandomStream(43, 0));
        var retired = new HashSet<int>();
        var active = dynamics.Particles.Select(p => p.TrackId).ToHashSet();
        Assert.Equal(dynamics.Particles.Count, active.Count);
        var replacements = 0;
        for (var f = 0; f < 500; f++)
        {
            var frame = dynamics.NextFrame();
            var ids = frame.Particles.Select(p => p.TrackId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Contains(id, active));
            Assert.All(frame.Particles, p => Assert.True(p.X >= -0.5 && p.X < 15.5 && p.Y >= -0.5 && p.Y < 15.5, $"{p} is outside the field"));

            var now = dynamics.Particles.Select(p => p.TrackId).ToHashSet();
            Assert.Equal(dynamics.Particles.Count, now.Count);
            Assert.Empty(now.Intersect(retired));
            foreach (var gone in active.Except(now))
            {
                retired.Add(gone);
            }

            replacements += now.Except(active).Count();
            active = now;
        }

        Assert.True(replacements > 100, $"only {replacements} particles left the region in 500 frames");
        Assert.All(dynamics.Particles, p => Assert.True(p.Position.X >= -8.5 && p.Position.X < 23.5));
    }

    [Fact]
    public void TheSameStreamGivesTheSameMovie()
    {
        var options = Options() with { Photophysics = PhotophysicsModel.OnOffBleach(0.05, 0.1, 1), Brightness = PhotonBrightness.Gamma(500, 0.2) };
        var a = new MovieDynamics(options, new RandomStream(44, 3));
        var b = new MovieDynamics(options, new RandomStream(44, 3));
        var c = new MovieDynamics(options, new RandomStream(44, 4));
        var differs = false;
        for (var f = 0; f < 200; f++)
        {
            var fa = a.NextFrame().Particles;
            Assert.Equal<ParticleTruth>(fa, b.NextFrame().Particles);
            differs |= !fa.SequenceEqual(c.NextFrame().Particles);
        }

        Assert.True(differs);
    }

    [Fact]
    public void AddingAParticleLeavesTheOthersUnchanged()
    {
        // Lineage l, generation g draws from its own streams, so the first N lineages move and blink alike
        // whether or not lineage N exists, through every replacement.
        var options = Options() with { Photophysics = PhotophysicsModel.OnOff(0.03, 0.05) };
        var fewer = new MovieDynamics(options, 30, new RandomStream(45, 0));
        var more = new MovieDynamics(options, 31, new RandomStream(45, 0));
        for (var f = 0; f < 300; f++)
        {
            fewer.NextFrame();
            more.NextFrame();
            for (var l = 0; l < 30; l++)
            {
                Assert.Equal(fewer.Particles[l].Position, more.Particles[l].Position);
                Assert.Equal(fewer.Particles[l].Generation, more.Particles[l].Generation);
                Assert.Equal(fewer.Particles[l].EmitterState, more.Particles[l].EmitterState);
            }
        }

        Assert.Contains(fewer.Particles, p => p.Generation > 0);
    }

    [Fact]
    public void BlinkingAndBrightnessSetIsOnAndPhotons()
    {
        // Constant brightness: photons = 800 × the on-fraction of the exposure, zero exactly when off.
        var options = Options() with { Photophysics = PhotophysicsModel.OnOff(0.02, 0.02), Brightness = PhotonBrightness.Constant(800), ExposureS = 0.005 };
        var dynamics = new MovieDynamics(options, new RandomStream(46, 0));
        int on = 0, off = 0, partial = 0;
        for (var f = 0; f < 200; f++)
        {
            foreach (var p in dynamics.NextFrame().Particles)
            {
                Assert.InRange(p.Photons, 0, 800);
                Assert.Equal(p.IsOn, p.Photons > 0);
                on += p.Photons == 800 ? 1 : 0;
                off += p.IsOn ? 0 : 1;
                partial += p.Photons is > 0 and < 800 ? 1 : 0;
            }
        }

        Assert.True(on > 100 && off > 100 && partial > 10, $"{on} fully on, {off} off, {partial} partly on");
    }

    [Fact]
    public void WithMotionBlurTheTruthIsTheMeanOfTheExposureSamples()
    {
        var motion = new BrownianMotion(1, Units, blur: new MotionBlur(5, 0.008));
        var dynamics = new MovieDynamics(Options(motion) with { ExposureS = 0.008 }, new RandomStream(47, 0));
        for (var f = 0; f < 20; f++)
        {
            var frame = dynamics.NextFrame();
            Assert.Equal(frame.Particles.Count, frame.ExposureSamples.Count);
            for (var i = 0; i < frame.Particles.Count; i++)
            {
                Assert.Equal(5, frame.ExposureSamples[i].Length);
                Assert.Equal(frame.ExposureSamples[i].Average(s => s.X), frame.Particles[i].X, 10);
                Assert.Equal(frame.ExposureSamples[i].Average(s => s.Y), frame.Particles[i].Y, 10);
            }
        }
    }

    [Fact]
    public void ThreeDimensionalParticlesStayInTheirSlab()
    {
        var motion = new BrownianMotion(1, Units, dimensions: 3);
        var dynamics = new MovieDynamics(Options(motion) with { ZMinNm = -400, ZMaxNm = 400 }, new RandomStream(48, 0));
        for (var f = 0; f < 200; f++)
        {
            dynamics.NextFrame();
            Assert.All(dynamics.Particles, p => Assert.InRange(p.Position.Z, -400, 400));
        }
    }

    [Fact]
    public void InconsistentOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new MovieDynamics(Options(new BrownianMotion(1, Units, dimensions: 3)), new RandomStream(1, 0)));
        var blurred = new BrownianMotion(1, Units, blur: new MotionBlur(3, 0.005));
        Assert.Throws<ArgumentException>(() => new MovieDynamics(Options(blurred), new RandomStream(1, 0)));
        Assert.Throws<ArgumentException>(() => new MovieDynamics(Options() with { InitialStateDistribution = [1.0] }, new RandomStream(1, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovieDynamics(Options() with { DensityPerUm2 = 1e9 }, new RandomStream(1, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovieDynamics(Options() with { ExposureS = 0.02 }, new RandomStream(1, 0)));
    }
}
