using Perrin.Core.Randomness;
using Perrin.Simulation.Dynamics;

namespace Perrin.Simulation.Tests.Dynamics;

public sealed class BrownianMotionTests
{
    private static readonly DynamicsUnits Units = new(pixelSizeNm: 100, frameIntervalS: 0.01);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void MeanSquaredDisplacementIsTwoDimensionsTimesDTimesLag(int dimensions)
    {
        // MSD = 2d·D·t; D = 0.5 µm²/s. Non-overlapping displacements of independent tracks are independent, and
        // |Δr|² is a sum of d squared normals of variance s² = 2Dt, so its variance is 2d·s⁴: the standard error
        // of the mean of n of them is s²·sqrt(2d / n). Distances in µm: x, y from pixels, z from nm.
        const double d = 0.5;
        var model = new BrownianMotion(d, Units, dimensions);
        const int tracks = 400, frames = 201;
        var random = new RandomStream(11, 0);
        var all = Enumerable.Range(0, tracks).Select(i => model.Track(new ParticlePosition(3, 4, 50), frames, random.Substream((ulong)i))).ToArray();
        foreach (var lag in new[] { 1, 5, 20 })
        {
            var squares = new List<double>();
            foreach (var track in all)
            {
                for (var start = 0; start + lag < frames; start += lag)
                {
                    var dx = (track[start + lag].X - track[start].X) * 0.1;
                    var dy = (track[start + lag].Y - track[start].Y) * 0.1;
                    var dz = (track[start + lag].Z - track[start].Z) * 0.001;
                    squares.Add((dx * dx) + (dy * dy) + (dz * dz));
                }
            }

            var s2 = 2 * d * lag * Units.FrameIntervalS;
            var expected = dimensions * s2;
            var standardError = s2 * Math.Sqrt(2.0 * dimensions / squares.Count);
            Assert.InRange(squares.Average(), expected - (5 * standardError), expected + (5 * standardError));
        }

        if (dimensions == 2)
        {
            Assert.All(all, t => Assert.All(t, p => Assert.Equal(50, p.Z)));
        }
    }

    [Fact]
    public void DriftShowsAsMeanDisplacementVelocityTimesTime()
    {
        // Mean displacement after t is v·t; per axis the spread is sqrt(2Dt), so the mean of n tracks has a
        // standard error of sqrt(2Dt / n). v = (2, −1, 0.5) µm/s over 100 frames (1 s) in pixels of 0.1 µm and nm.
        const double d = 0.2;
        var model = new BrownianMotion(d, Units, 3, new DriftVelocity(2, -1, 0.5));
        const int n = 2000, frames = 101;
        var random = new RandomStream(12, 0);
        var (sx, sy, sz) = (0.0, 0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            var end = model.Track(default, frames, random.Substream((ulong)i))[^1];
            (sx, sy, sz) = (sx + (end.X * 0.1), sy + (end.Y * 0.1), sz + (end.Z * 0.001));
        }

        var t = (frames - 1) * Units.FrameIntervalS;
        var band = 5 * Math.Sqrt(2 * d * t / n);
        Assert.InRange(sx / n, (2 * t) - band, (2 * t) + band);
        Assert.InRange(sy / n, (-1 * t) - band, (-1 * t) + band);
        Assert.InRange(sz / n, (0.5 * t) - band, (0.5 * t) + band);
    }

    [Fact]
    public void HarmonicTrapRelaxesToItsStationaryVariance()
    {
        // Ornstein–Uhlenbeck from the centre: Var x(t) = L²(1 − e^(−2t/τ)), τ = L²/D. With L = 0.1 µm, D = 0.1 µm²/s,
        // τ = 0.1 s = 10 frames; t = 5 frames gives L²(1 − e^(−1)), t = 200 frames gives L². The sample variance of
        // n normals has a standard error of Var·sqrt(2/(n−1)). The exact update makes this hold for any step.
        const double length = 0.1, d = 0.1;
        var centre = new ParticlePosition(10, 20, 0);
        var model = new BrownianMotion(d, Units, 3, confinement: new HarmonicTrap(length, centre));
        const int n = 4000;
        var random = new RandomStream(13, 0);
        var tracks = Enumerable.Range(0, n).Select(i => model.Track(centre, 201, random.Substream((ulong)i))).ToArray();
        var lengthPx = length * 10;
        var lengthNm = length * 1000;
        foreach (var (frame, fraction) in new[] { (5, 1 - Math.Exp(-1)), (200, 1.0) })
        {
            var expectedPx = lengthPx * lengthPx * fraction;
            var expectedNm = lengthNm * lengthNm * fraction;
            var band = 5 * Math.Sqrt(2.0 / (n - 1));
            AssertVariance(tracks.Select(t => t[frame].X - centre.X), expectedPx, band);
            AssertVariance(tracks.Select(t => t[frame].Y - centre.Y), expectedPx, band);
            AssertVariance(tracks.Select(t => t[frame].Z - centre.Z), expectedNm, band);
        }
    }

    [Fact]
    public void DriftShiftsTheTrapRestPointByVelocityTimesRelaxationTime()
    {
        // A constant force F = γv moves the rest point by F/k = v·τ; τ = L²/D = 0.04 s, v = 1 µm/s → 0.04 µm = 0.4 px.
        // Standard error of the mean position at equilibrium: L / sqrt(n) = 0.2 px / sqrt(n).
        var model = new BrownianMotion(1, Units, drift: new DriftVelocity(1, 0), confinement: new HarmonicTrap(0.2));
        const int n = 4000;
        var random = new RandomStream(14, 0);
        var mean = Enumerable.Range(0, n).Average(i => model.Track(default, 60, random.Substream((ulong)i))[^1].X);
        var band = 5 * 2.0 / Math.Sqrt(n);
        Assert.InRange(mean, 0.4 - band, 0.4 + band);
    }

    [Fact]
    public void ReflectingBoxKeepsParticlesInsideAndBecomesUniform()
    {
        // All particles start in one corner. The slowest mode of a reflecting interval of length L decays as
        // exp(−π²Dt/L²): D = 100 px²/s and L = 20 px give a time constant of 0.41 s = 41 frames along x, so after 600
        // frames the start is forgotten and each quarter in x holds a binomial share 1/4 ± 5·sqrt(3/16/n).
        var box = new ReflectingBox(0, 20, 0, 10, -300, 300);
        var model = new BrownianMotion(1, Units, 3, confinement: box);
        const int n = 4000, frames = 600;
        var random = new RandomStream(15, 0);
        var counts = new int[4];
        var zLow = 0;
        var outside = 0;
        for (var i = 0; i < n; i++)
        {
            var track = model.Track(new ParticlePosition(0.2, 0.3, 290), frames, random.Substream((ulong)i));
            outside += track.Count(p => p.X is < 0 or > 20 || p.Y is < 0 or > 10 || p.Z is < -300 or > 300);
            var end = track[^1];
            counts[(int)(end.X / 5.0001)]++;
            zLow += end.Z < 0 ? 1 : 0;
        }

        Assert.Equal(0, outside);
        var band = 5 * Math.Sqrt(0.25 * 0.75 / n);
        Assert.All(counts, c => Assert.InRange(c / (double)n, 0.25 - band, 0.25 + band));
        var zBand = 5 * Math.Sqrt(0.25 / n);
        Assert.InRange(zLow / (double)n, 0.5 - zBand, 0.5 + zBand);
    }

    [Fact]
    public void ReflectingDiskKeepsParticlesInsideAndNearlyUniform()
    {
        // Uniform in a disk: half the particles lie within R/√2. Steps of 0.9 px per axis against R = 15 px keep
        // the first-order mirror's bias far below the 5-sigma band of the binomial share. The slowest radial mode
        // of a reflecting disk decays in R²/(j′₀₁²·D) = 225/(14.7·40) s ≈ 38 frames, so 1000 frames forget the start.
        var disk = new ReflectingDisk(30, 30, 15);
        var model = new BrownianMotion(0.4, Units, confinement: disk);
        const int n = 2000, frames = 1000;
        var random = new RandomStream(16, 0);
        var inner = 0;
        var outside = 0;
        for (var i = 0; i < n; i++)
        {
            var track = model.Track(new ParticlePosition(44.9, 30), frames, random.Substream((ulong)i));
            outside += track.Count(p => ((p.X - 30) * (p.X - 30)) + ((p.Y - 30) * (p.Y - 30)) > (15 * 15) + 1e-9);
            var end = track[^1];
            inner += ((end.X - 30) * (end.X - 30)) + ((end.Y - 30) * (end.Y - 30)) < 112.5 ? 1 : 0;
        }

        Assert.Equal(0, outside);
        var band = 5 * Math.Sqrt(0.25 / n);
        Assert.InRange(inner / (double)n, 0.5 - band, 0.5 + band);
    }

    [Fact]
    public void MotionBlurSamplesTheExposureAtSubStepMidpoints()
    {
        // Exposure 6 ms in 3 sub-steps of 2 ms within a 10 ms frame: the samples lie 1, 3 and 5 ms after the frame
        // start and the next frame 10 ms after it, so their variances per axis are 2D·(1, 3, 5, 10) ms.
        const double d = 1;
        var model = new BrownianMotion(d, Units, blur: new MotionBlur(3, 0.006));
        const int n = 20000;
        var random = new RandomStream(17, 0);
        var samples = new ParticlePosition[3];
        var sums = new double[4];
        for (var i = 0; i < n; i++)
        {
            var particle = model.Start(default);
            particle.Advance(random.Substream((ulong)i), samples);
            for (var k = 0; k < 3; k++)
            {
                sums[k] += samples[k].X * samples[k].X * 0.01;
            }

            sums[3] += particle.Position.X * particle.Position.X * 0.01;
        }

        double[] times = [0.001, 0.003, 0.005, 0.010];
        for (var k = 0; k < 4; k++)
        {
            var expected = 2 * d * times[k];
            var band = 5 * expected * Math.Sqrt(2.0 / n);
            Assert.InRange(sums[k] / n, expected - band, expected + band);
        }
    }

    [Fact]
    public void MotionBlurRejectsAnExposureLongerThanTheFrameAndWrongSampleCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BrownianMotion(1, Units, blur: new MotionBlur(4, 0.02)));
        var model = new BrownianMotion(1, Units, blur: new MotionBlur(4, 0.01));
        Assert.Throws<ArgumentException>(() => model.Start(default).Advance(new RandomStream(1, 0), new ParticlePosition[3]));
        Assert.Throws<ArgumentException>(() => new BrownianMotion(1, Units).Start(default).Advance(new RandomStream(1, 0), new ParticlePosition[1]));
    }

    [Fact]
    public void TheSameStreamGivesTheSameTrack()
    {
        var model = new BrownianMotion(0.3, Units, 3, new DriftVelocity(0.1, 0.2, 0), new HarmonicTrap(0.5));
        var a = model.Track(new ParticlePosition(1, 2, 3), 50, new RandomStream(5, 9).Substream(4));
        var b = model.Track(new ParticlePosition(1, 2, 3), 50, new RandomStream(5, 9).Substream(4));
        var c = model.Track(new ParticlePosition(1, 2, 3), 50, new RandomStream(5, 9).Substream(5));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void FoldMirrorsAtBothWalls()
    {
        Assert.Equal(1.5, Confinement.Fold(-1.5, 0, 10), 12);
        Assert.Equal(8.5, Confinement.Fold(11.5, 0, 10), 12);
        Assert.Equal(1.5, Confinement.Fold(21.5, 0, 10), 12);
        Assert.Equal(3, Confinement.Fold(3, 0, 10), 12);
        Assert.Equal(-0.25, Confinement.Fold(-1.75, -1, 1), 12);
    }

    private static void AssertVariance(IEnumerable<double> values, double expected, double relativeBand)
    {
        var list = values.ToList();
        var mean = list.Average();
        var variance = list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1);
        Assert.InRange(variance, expected * (1 - relativeBand), expected * (1 + relativeBand));
    }
}
