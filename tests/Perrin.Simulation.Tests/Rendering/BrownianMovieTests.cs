using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class BrownianMovieTests
{
    [Fact]
    public void OneFrameStepsHaveTheBrownianMeanSquareIn2D()
    {
        // 2D: <Δr²> = 4·D·Δt = 4 · 0.1 µm²/s · 0.05 s = 0.02 µm². |Δr|² is 2s²·Exp(1) (relative sd 1), so ~6000
        // independent steps give a relative standard error of 1.3%; the band is 5 of them around the closed form.
        var movie = MovieRecipes.Start("{ model: brownian, frame_interval_ms: 50, diffusion_um2_per_s: 0.1 }", count: 40);
        Assert.Equal(0.05, movie.FrameIntervalS, 12);
        var (mean, steps) = StepMeanSquareUm2(MovieRecipes.Frames(movie, 160));
        Assert.True(steps > 5000, $"{steps} steps");
        var band = 5 * 0.02 / Math.Sqrt(steps);
        Assert.InRange(mean, 0.02 - band, 0.02 + band);
    }

    [Fact]
    public void AxialMotionHasTheBrownianMeanSquareIn3D()
    {
        // 3D: <Δr²> = 6·D·Δt = 0.03 µm²; |Δr|² is s²·χ²₃ (relative sd √(2/3)). The reflecting z walls 20 µm apart
        // hardly touch 0.1 µm steps. z must spread over the slab, not stay at 0.
        var movie = MovieRecipes.Start("{ model: brownian, frame_interval_ms: 50, diffusion_um2_per_s: 0.1, axial: true, z_range_nm: 20000 }", count: 40);
        var frames = MovieRecipes.Frames(movie, 160);
        var (mean, steps) = StepMeanSquareUm2(frames);
        var band = 5 * 0.03 * Math.Sqrt(2.0 / 3 / steps);
        Assert.InRange(mean, 0.03 - band, 0.03 + band);
        Assert.All(frames.SelectMany(f => f.Values), p => Assert.InRange(p.Z, -10000, 10000));
        Assert.Contains(frames[0].Values, p => Math.Abs(p.Z) > 1000);
    }

    [Theory]
    [InlineData("{ kind: box, size_um: 0.5 }", 0.5 * 0.5 / 3)]
    [InlineData("{ kind: disk, radius_um: 0.5 }", 0.5 * 0.5)]
    [InlineData("{ kind: trap, stiffness_per_s: 20 }", 4 * 0.5 / 20)]
    public void ConfinedMotionPlateausAtTheClosedForm(string confinement, double plateauUm2)
    {
        // Stationary MSD at lags long past the relaxation: two independent points of the stationary law.
        // Box (square compartments of side L): L²/6 per axis, L²/3 in the plane. Disk of radius R: E|r₁ − r₂|² = R².
        // Trap: variance D/(κ/γ) per axis, so 2·2·D/(κ/γ) in the plane. D = 0.5 µm²/s, Δt = 1 ms: steps are 6 % of
        // the 0.5 µm scales (the disk's reflection is then accurate to ~1 %); the slowest relaxations (box
        // L²/(π²D) = 50 ms, disk R²/(3.39·D) = 74 ms, trap 1/(κ/γ) = 50 ms) are passed 5 times by the burn-in and by
        // the lag. Only tracks that start 10 px inside the field are used, so their whole domain is seen. Tracks are
        // independent: the band is 5 standard errors of the mean over tracks of each track's time average.
        var movie = MovieRecipes.Start($"{{ model: brownian, frame_interval_ms: 1, diffusion_um2_per_s: 0.5, confinement: {confinement} }}", count: 400);
        var frames = MovieRecipes.Frames(movie, 1600);
        const int burnIn = 400, lag = 400;
        var inner = frames[0].Where(e => Math.Min(Math.Min(e.Value.X, e.Value.Y), Math.Min(47 - e.Value.X, 47 - e.Value.Y)) >= 10).Select(e => e.Key).ToHashSet();
        var perTrack = new Dictionary<int, (double Sum, int Count)>();
        for (var t = burnIn; t + lag < frames.Count; t += 10)
        {
            foreach (var (id, p) in frames[t])
            {
                if (inner.Contains(id) && frames[t + lag].TryGetValue(id, out var q))
                {
                    var r2 = (Math.Pow(q.X - p.X, 2) + Math.Pow(q.Y - p.Y, 2)) * 0.01;
                    var (sum, count) = perTrack.GetValueOrDefault(id);
                    perTrack[id] = (sum + r2, count + 1);
                }
            }
        }

        var means = perTrack.Values.Select(v => v.Sum / v.Count).ToArray();
        Assert.True(means.Length > 80, $"{means.Length} tracks");
        var mean = means.Average();
        var se = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Length - 1) / means.Length);
        Assert.InRange(mean, plateauUm2 - (5 * se), plateauUm2 + (5 * se));
        Assert.True(5 * se < 0.15 * plateauUm2, $"se {se}");
    }

    [Theory]
    [InlineData("alpha: 0.5", 0.5)]
    [InlineData("hurst: 0.75", 1.5)]
    public void FractionalMotionFromARecipeHasItsExponent(string exponent, double alpha)
    {
        // Time-averaged MSD over the movie at lags 1, 2, 4 … 64 frames; fBm increments are stationary, so it is
        // 4·K·τ^α at every start. The log-log slope is within ±0.05 of α (the task's band; about 5 standard errors
        // for ~300 tracks of 200 frames), and the one-frame value within 10 % of 4·K·Δt^α.
        var movie = MovieRecipes.Start($"{{ model: fbm, {exponent}, frame_interval_ms: 10, diffusion_um2_per_s: 0.02, frames: 200 }}", count: 300, size: 64, frames: 200);
        Assert.Contains("circulant embedding", movie.MotionDescription, StringComparison.Ordinal);
        var frames = MovieRecipes.Frames(movie, 200);
        var lags = Enumerable.Range(0, 7).Select(j => 1 << j).ToArray();
        var msd = lags.Select(lag =>
        {
            double sum = 0;
            var n = 0;
            for (var t = 0; t + lag < frames.Count; t++)
            {
                foreach (var (id, p) in frames[t])
                {
                    if (frames[t + lag].TryGetValue(id, out var q))
                    {
                        sum += (Math.Pow(q.X - p.X, 2) + Math.Pow(q.Y - p.Y, 2)) * 0.01;
                        n++;
                    }
                }
            }

            return sum / n;
        }).ToArray();
        var xs = lags.Select(l => Math.Log(l)).ToArray();
        var ys = msd.Select(m => Math.Log(m)).ToArray();
        var mx = xs.Average();
        var my = ys.Average();
        var slope = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / xs.Sum(x => (x - mx) * (x - mx));
        Assert.InRange(slope, alpha - 0.05, alpha + 0.05);
        var expected = 4 * 0.02 * Math.Pow(0.01, alpha);
        Assert.InRange(msd[0], 0.9 * expected, 1.1 * expected);
    }

    [Fact]
    public void MotionBlurAveragesTheExposureSamples()
    {
        var movie = MovieRecipes.Start("{ model: brownian, frame_interval_ms: 50, diffusion_um2_per_s: 1, exposure_substeps: 8 }", "{ preset: ideal, exposure_ms: 40 }");
        var frame = movie.NextFrame();
        Assert.Equal(frame.Truth.Length, frame.ExposureSamples.Count);
        for (var i = 0; i < frame.Truth.Length; i++)
        {
            Assert.Equal(8, frame.ExposureSamples[i].Length);
            Assert.Equal(frame.ExposureSamples[i].Average(s => s.X), frame.Truth[i].X, 9);
        }
    }

    [Fact]
    public void AMovieIsTheSameAloneOrAfterOthersAndWhateverTheThreads()
    {
        const string dynamics = "{ model: brownian, frames: 6, frame_interval_ms: 20, diffusion_um2_per_s: 0.5, exposure_substeps: 3, blinking: { on_rate_per_s: 10, off_rate_per_s: 10 } }";
        const string camera = "{ preset: scmos, background_photons: 10, background: { kind: structured, amplitude_photons: 3, correlation_px: 6 }, scmos_maps: { offset_sd_adu: 2 }, fixed_pattern: { row_sd_adu: 1 } }";
        var simulator = new FluorescenceSimulator(MovieRecipes.Movie(dynamics, camera));
        var after = new float[6 * 48 * 48];
        for (var m = 0; m < 3; m++)
        {
            var movie = new BrownianMovie(simulator, m, 6);
            movie.Render([.. Enumerable.Range(0, 6).Select(_ => movie.NextFrame())], 2, after, []);
        }

        var aloneMovie = new BrownianMovie(new FluorescenceSimulator(MovieRecipes.Movie(dynamics, camera)), 2, 6);
        var frames = Enumerable.Range(0, 6).Select(_ => aloneMovie.NextFrame()).ToArray();
        var alone = new float[after.Length];
        aloneMovie.Render(frames, 1, alone, []);
        Assert.Equal(after, alone);
        var zero = new float[after.Length];
        var movie0 = new BrownianMovie(simulator, 0, 6);
        movie0.Render([.. Enumerable.Range(0, 6).Select(_ => movie0.NextFrame())], 2, zero, []);
        Assert.NotEqual(zero, alone);
    }

    [Fact]
    public void RecipeMistakesAreLocated()
    {
        var error = Assert.Throws<RecipeException>(() => MovieRecipes.Movie("{ model: brownian, frame_interval_ms: 5, confinement: { kind: cage } }"));
        Assert.Equal("dynamics.confinement.kind", error.FieldPath);
        Assert.Equal(6, error.Line);
        Assert.Contains("box, disk, trap", error.Problem, StringComparison.Ordinal);
        error = Assert.Throws<RecipeException>(() => MovieRecipes.Movie("{ model: fbm, frame_interval_ms: 5, hurst: -0.3 }"));
        Assert.Equal("dynamics.hurst", error.FieldPath);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("movie.yaml, line 6", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<RecipeException>(() => MovieRecipes.Start("{ model: fbm, frame_interval_ms: 5, alpha: 0.5, confinement: { kind: box, size_um: 1 } }"));
        Assert.Equal("dynamics.confinement", error.FieldPath);
        Assert.Equal(6, error.Line);
        error = Assert.Throws<RecipeException>(() => MovieRecipes.Start("{ model: brownian, frame_interval_ms: 5, confinement: { kind: disk } }"));
        Assert.Contains("radius_um", error.Problem, StringComparison.Ordinal);
        error = Assert.Throws<RecipeException>(() => MovieRecipes.Start("{ model: brownian, frame_interval_ms: 5 }", "{ preset: ideal, exposure_ms: 6 }"));
        Assert.Equal("camera.exposure_ms", error.FieldPath);
    }

    private static (double Mean, int Steps) StepMeanSquareUm2(List<Dictionary<int, Truth.ParticleTruth>> frames)
    {
        double sum = 0;
        var steps = 0;
        for (var f = 1; f < frames.Count; f++)
        {
            foreach (var (id, p) in frames[f])
            {
                if (frames[f - 1].TryGetValue(id, out var before))
                {
                    sum += ((Math.Pow(p.X - before.X, 2) + Math.Pow(p.Y - before.Y, 2)) * 0.01) + Math.Pow((p.Z - before.Z) / 1000, 2);
                    steps++;
                }
            }
        }

        return (sum / steps, steps);
    }
}
