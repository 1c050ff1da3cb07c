using Perrin.Core.Randomness;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class RecipeSensorTests
{
    private const string Still = "{ model: brownian, frame_interval_ms: 10, diffusion_um2_per_s: 0 }";

    private static RecipeSensor Sensor(Recipe recipe, ulong sample, ulong stream) =>
        RecipeCameraModels.Sensor(recipe, new RecipeSampler(recipe).Resolve(sample), new RandomStream(recipe.Seed, stream, ImageSimulator.CameraPurpose));

    [Fact]
    public void AGradientBackgroundHasItsLevelAndSlopes()
    {
        // The ramp is exact: level + slope_x·(x − 15.5) + slope_y·(y − 15.5) on 32 × 32 pixels, and the constant
        // level is then not also put into the signal. Through the ideal camera (Poisson), the column means of one
        // frame have σ = sqrt(level)/sqrt(32); their fitted slope has a standard error of about 0.034 photon/px.
        var recipe = MovieRecipes.Movie(Still, "{ preset: ideal, background_photons: 100, background: { kind: gradient, slope_x: 1, slope_y: -0.5 } }", count: 0, size: 32);
        var sensor = Sensor(recipe, 0, 0);
        for (var y = 0; y < 32; y += 7)
        {
            for (var x = 0; x < 32; x += 5)
            {
                Assert.Equal((float)(100 + (x - 15.5) - (0.5 * (y - 15.5))), sensor.Background[(y * 32) + x], 4);
            }
        }

        var simulator = new FluorescenceSimulator(recipe);
        Assert.Equal(0, RecipeCameraModels.BackgroundPhotons(simulator.Properties(0)));
        var image = new float[32 * 32];
        simulator.Render(0, image, []);
        var columns = Enumerable.Range(0, 32).Select(x => Enumerable.Range(0, 32).Average(y => (double)image[(y * 32) + x])).ToArray();
        var slope = Enumerable.Range(0, 32).Sum(x => (x - 15.5) * columns[x]) / Enumerable.Range(0, 32).Sum(x => (x - 15.5) * (x - 15.5));
        Assert.InRange(slope, 1 - 0.17, 1 + 0.17);
        Assert.InRange(image.Average(v => (double)v), 100 - 1.5, 100 + 1.5);
    }

    [Fact]
    public void AStructuredBackgroundHasItsMeanAndIsFixedPerSampleOrMovie()
    {
        // Over draws the field has mean level and sd amplitude at every pixel (random Fourier features); the mean of
        // pixel (10, 10) over 400 samples is within 5 standard errors (amplitude/20) of the level.
        var recipe = MovieRecipes.Movie(Still, "{ preset: ideal, background_photons: 50, background: { kind: structured, amplitude_photons: 8, correlation_px: 5 } }", count: 0, size: 32);
        var values = Enumerable.Range(0, 400).Select(k => (double)Sensor(recipe, 0, (ulong)k).Background[(10 * 32) + 10]).ToArray();
        Assert.InRange(values.Average(), 50 - (5 * 8 / 20.0), 50 + (5 * 8 / 20.0));
        var sd = Math.Sqrt(values.Average(v => (v - 50) * (v - 50)));
        Assert.InRange(sd, 8 * 0.75, 8 * 1.25);
        var sample = new RecipeSampler(recipe).Resolve(0);
        var a = RecipeCameraModels.Sensor(recipe, sample, new RandomStream(recipe.Seed, 3, ImageSimulator.CameraPurpose).Substream(0));
        var b = RecipeCameraModels.Sensor(recipe, sample, new RandomStream(recipe.Seed, 3, ImageSimulator.CameraPurpose).Substream(7));
        Assert.Same(a, b);
        Assert.Equal(Sensor(recipe, 0, 3).Background.ToArray(), a.Background.ToArray());
        Assert.NotEqual(Sensor(recipe, 0, 4).Background.ToArray(), a.Background.ToArray());
    }

    [Fact]
    public void ScmosMapsAreThoseOfTheSensorForEverySampleAndFrame()
    {
        // One set of maps per recipe: the same for samples 0 and 5 and for any stream. Their offsets spread by
        // offset_sd_adu around baseline_adu; over 48² pixels the sample sd is within 5·sd/sqrt(2·2304) of it.
        var recipe = MovieRecipes.Movie(Still, "{ preset: scmos, baseline_adu: 200, scmos_maps: { seed: 4, read_noise_sd_e: 1.2, offset_sd_adu: 3, gain_sd: 0.05 } }");
        var maps = Sensor(recipe, 0, 0).Camera.PixelMaps!;
        Assert.Same(maps, Sensor(recipe, 5, 9).Camera.PixelMaps);
        Assert.True(maps.HasGainMap);
        var offsets = maps.OffsetAdu.ToArray().Select(v => (double)v).ToArray();
        Assert.InRange(offsets.Average(), 200 - (5 * 3 / 48.0), 200 + (5 * 3 / 48.0));
        var sd = Math.Sqrt(offsets.Average(v => (v - offsets.Average()) * (v - offsets.Average())));
        Assert.InRange(sd, 3 * (1 - (5 / Math.Sqrt(2 * 2304.0))), 3 * (1 + (5 / Math.Sqrt(2 * 2304.0))));
        var again = MovieRecipes.Movie(Still, "{ preset: scmos, baseline_adu: 200, scmos_maps: { seed: 4, read_noise_sd_e: 1.2, offset_sd_adu: 3, gain_sd: 0.05 } }", seed: 99);
        Assert.Equal(maps.OffsetAdu.ToArray(), Sensor(again, 0, 0).Camera.PixelMaps!.OffsetAdu.ToArray());
    }

    [Fact]
    public void TheFixedPatternIsTheSameInEveryFrameOfAMovie()
    {
        // No emitters, no background, no read noise: every pixel is round(baseline + row offset + column offset),
        // so the frames of a movie are identical, with rows that differ; another movie has another pattern.
        var recipe = MovieRecipes.Movie(Still, "{ preset: ideal, baseline_adu: 100, fixed_pattern: { row_sd_adu: 3, column_sd_adu: 2 } }", count: 0, size: 24);
        var simulator = new FluorescenceSimulator(recipe);
        var movie = new BrownianMovie(simulator, 1, 3);
        var images = new float[3 * 24 * 24];
        movie.Render([movie.NextFrame(), movie.NextFrame(), movie.NextFrame()], 2, images, []);
        Assert.Equal(images[..576], images[576..1152]);
        Assert.Equal(images[..576], images[1152..]);
        Assert.True(Enumerable.Range(0, 24).Select(y => images[y * 24]).Distinct().Count() > 5);
        var other = new BrownianMovie(simulator, 2, 1);
        var image = new float[576];
        other.Render(other.NextFrame(), image, []);
        Assert.NotEqual(images[..576], image);
    }

    [Fact]
    public void FullWellAndDarkElectronsReachTheCamera()
    {
        var recipe = MovieRecipes.Movie(Still, "{ preset: ccd, full_well_e: 5000, dark_e: 2.5 }");
        var model = RecipeCameraModels.For(recipe, new RecipeSampler(recipe).Resolve(0));
        Assert.Equal(5000, model.FullWellElectrons);
        Assert.Equal(2.5, model.DarkElectrons);
        Assert.Equal(0.65, model.QuantumEfficiency);
    }

    [Fact]
    public void CameraMistakesAreLocated()
    {
        var error = Assert.Throws<RecipeException>(() => MovieRecipes.Movie(Still, "{ preset: ideal, background: { kind: wavy } }"));
        Assert.Equal("camera.background.kind", error.FieldPath);
        Assert.Equal(7, error.Line);
        error = Assert.Throws<RecipeException>(() => MovieRecipes.Movie(Still, "{ preset: ideal, fixed_pattern: { row_sd_adu: -1 } }"));
        Assert.Equal("camera.fixed_pattern.row_sd_adu", error.FieldPath);
        var steep = MovieRecipes.Movie(Still, "{ preset: ideal, background_photons: 5, background: { kind: gradient, slope_x: 1 } }", count: 0, size: 32);
        error = Assert.Throws<RecipeException>(() => new FluorescenceSimulator(steep).Render(0, new float[32 * 32], []));
        Assert.Equal("camera.background", error.FieldPath);
        Assert.Equal(7, error.Line);
        var drawn = MovieRecipes.Movie(Still, "{ preset: scmos, scmos_maps: { offset_sd_adu: { uniform: [1, 2] } } }");
        error = Assert.Throws<RecipeException>(() => new FluorescenceSimulator(drawn).Render(0, new float[48 * 48], []));
        Assert.Equal("camera.scmos_maps.offset_sd_adu", error.FieldPath);
    }
}
