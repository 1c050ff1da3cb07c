using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Augmentations;

public class AugmentedRenderingTests
{
    private const string BrightEmitter = "{ feature: point_emitter, count: 1, x: { uniform: [27, 36] }, y: { uniform: [27, 36] }, z: 0, photons: 1.0e7 }";

    public static FluorescenceSimulator Simulator(string augmentations, string feature = BrightEmitter, int size = 64, string labels = "{ form: heatmap }") =>
        new(RecipeReader.Read(
            $$"""
            recipe: augmented
            image: { width: {{size}}, height: {{size}} }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian, sigma_nm: 120 } }
            sample:
              - {{feature}}
            camera: { preset: ideal }
            labels: {{labels}}
            augmentations: {{augmentations}}
            seed: 11
            """,
            "augmented.yaml"));

    [Theory]
    [InlineData("{ flip: true }", 0.02, 0.005)]
    [InlineData("{ rotate90: true }", 0.02, 0.005)]
    [InlineData("{ affine: { rotation_deg: { uniform: [-180, 180] }, scale: { uniform: [0.7, 1.4] } } }", 0.02, 0.005)]
    [InlineData("{ affine: { rotation_deg: 33, scale_x: 1.3, scale_y: 0.8, shear: 0.25, translate_x_px: { uniform: [-4, 4] }, translate_y_px: -2.5 } }", 0.02, 0.005)]
    [InlineData("{ crop: { width: 40, height: 36 } }", 0.02, 0.005)]
    [InlineData("{ flip: true, rotate90: true, affine: { rotation_deg: { uniform: [0, 360] } }, crop: { width: 48, height: 48 } }", 0.02, 0.005)]
    [InlineData("{ elastic: { alpha_px: 40, sigma_px: 10 } }", 0.05, 0.02)]
    public void TheCentroidOfABrightEmitterLandsOnTheAugmentedTruth(string augmentations, double tolerance, double photonBand)
    {
        // 1e7 photons through a Gaussian PSF of σ = 1.2 px: the shot-noise error of the centroid is ≈ 4e-4 px, so the
        // band measures the warp and the truth bookkeeping, not the noise. The emitter stays ≥ 10 px from every edge.
        // A nonlinear warp moves the centroid of a spot of width s off the image of its centre by about
        // s²·(∇J/J + ½∇²f) (J the local area change); the elastic field (σ = 10 px, displacements ≈ 0.65 px) keeps
        // that under 0.05 px, while a first-order inverse q = p − d(p) would miss by |∇d·d| ≈ 0.1 px.
        var simulator = Simulator(augmentations);
        for (ulong k = 0; k < 6; k++)
        {
            var image = new float[simulator.Width * simulator.Height];
            var truth = Assert.Single(simulator.Render(k, image, new float[simulator.LabelLength]));
            var (x, y, sum) = TestImages.Centroid(image, simulator.Width, simulator.Height);
            Assert.True(Math.Abs(x - truth.X) <= tolerance && Math.Abs(y - truth.Y) <= tolerance, $"sample {k}: centroid ({x}, {y}), truth ({truth.X}, {truth.Y}), photons ratio {sum / truth.Photons}, det {truth.Photons / 1e7}");

            // Resampling keeps pixel levels, so the spot's signal and the truth's photons scale by |det A| together;
            // minifying warps alias (no prefilter), so their sums are only checked to 10 %, and an elastic warp's
            // area change varies across the spot, so its sum matches the change at the centre to second order.
            var band = truth.Photons >= 1e7 * (1 - 1e-9) ? photonBand : 0.1;
            Assert.True(Math.Abs((sum / truth.Photons) - 1) < band, $"sample {k}: photons ratio {sum / truth.Photons}, det {truth.Photons / 1e7}");
        }
    }

    [Fact]
    public void AugmentationsChangeFromSampleToSample()
    {
        var simulator = Simulator("{ flip: true, rotate90: true, elastic: { alpha_px: 40, sigma_px: 6 } }");
        var positions = Enumerable.Range(0, 8).Select(k => simulator.Render((ulong)k, new float[64 * 64], []).Single()).Select(t => (t.X, t.Y)).ToList();
        Assert.Equal(8, positions.Distinct().Count());
    }

    [Fact]
    public void ACropIsTheOutputAndTheLabelFollowsTheTruth()
    {
        var simulator = Simulator("{ crop: { width: 40, height: 24 } }", labels: "{ form: superres, upsample: 2 }");
        Assert.Equal((40, 24), (simulator.Width, simulator.Height));
        Assert.Equal((64, 64), (simulator.CanvasWidth, simulator.CanvasHeight));
        Assert.Equal((80, 48), simulator.LabelSize);
        var plain = Simulator("{}");
        for (ulong k = 0; k < 5; k++)
        {
            var label = new float[simulator.LabelLength];
            var truth = simulator.Render(k, new float[40 * 24], label).Single();
            var original = plain.Render(k, new float[64 * 64], []).Single();
            var dx = original.X - truth.X;
            var dy = original.Y - truth.Y;
            Assert.Equal(Math.Round(dx), dx);
            Assert.Equal(Math.Round(dy), dy);
            Assert.InRange(dx, 0, 24);
            Assert.InRange(dy, 0, 40);
            Assert.Equal(TruthPositions.InField(truth, 40, 24) ? 1 : 0, label.Sum());
        }
    }

    [Fact]
    public void IntensityScaleActsBeforeTheCameraAndOffsetAfter()
    {
        const string feature = "{ feature: point_emitter, count: 1, x: 31.5, y: 31.5, photons: 1.0e6 }";
        var simulator = Simulator("{ intensity_scale: 0.5, offset: 100 }", feature, labels: "{ form: positions }");
        var plain = Simulator("{}", feature, labels: "{ form: positions }");
        var image = new float[64 * 64];
        var truth = simulator.Render(0, image, []).Single();
        Assert.Equal(5e5, truth.Photons);
        Assert.Equal(plain.Render(0, new float[64 * 64], []).Single() with { Photons = 5e5 }, truth);

        // The ideal camera counts whole photons, so every pixel is an integer plus the offset; the total is
        // Poisson of mean 5e5 (sd 707) plus 100 per pixel.
        Assert.All(image, v => Assert.Equal(Math.Round(v - 100), v - 100));
        Assert.InRange(image.Sum(v => (double)v) - (100 * 64 * 64), 5e5 - (5 * 707), 5e5 + (5 * 707));
    }

    [Fact]
    public void SameSeedSameBytesWhateverTheThreadCount()
    {
        var simulator = Simulator(
            "{ flip: true, rotate90: true, affine: { rotation_deg: { uniform: [0, 360] }, scale: { uniform: [0.8, 1.2] } }, elastic: { alpha_px: 30, sigma_px: 5 }, crop: { width: 48, height: 40 }, intensity_scale: { uniform: [0.5, 2] }, offset: 3 }",
            "{ feature: point_emitter, count: 12, x: { uniform: [-0.5, 63.5] }, y: { uniform: [-0.5, 63.5] }, photons: { uniform: [500, 5000] } }",
            labels: "{ form: decode }");
        const int count = 6;
        var area = simulator.Width * simulator.Height;
        var one = new float[count * area];
        var two = new float[count * area];
        var labelsOne = new float[count * simulator.LabelLength];
        var labelsTwo = new float[count * simulator.LabelLength];
        var truthOne = SimulationBatch.Render(simulator, 0, count, 1, one, labelsOne);
        var truthTwo = SimulationBatch.Render(simulator, 0, count, 2, two, labelsTwo);
        Assert.Equal(one, two);
        Assert.Equal(labelsOne, labelsTwo);
        Assert.Equal(truthOne, truthTwo);
        var single = new float[area];
        Assert.Equal(truthOne[4], simulator.Render(4, single, new float[simulator.LabelLength]));
        Assert.Equal(one.AsSpan(4 * area, area).ToArray(), single);
    }

    [Fact]
    public void MoviesRejectAugmentationsAtTheirField()
    {
        var recipe = RecipeReader.Read(
            """
            image: { width: 32, height: 32 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: 3, photons: 1000 }
            dynamics: { model: brownian, frame_interval_ms: 10, diffusion_um2_per_s: 0.1 }
            augmentations:
              affine: { rotation_deg: 10 }
            """,
            "movie.yaml");
        var error = Assert.Throws<RecipeException>(() => new BrownianMovie(ImageSimulator.Create(recipe)));
        Assert.Equal("augmentations.affine.rotation_deg", error.FieldPath);
        Assert.Equal("movie.yaml", error.FilePath);
        Assert.Equal(7, error.Line);
        Assert.Contains("augmentations.affine cannot be applied to a movie", error.Message, StringComparison.Ordinal);
    }
}
