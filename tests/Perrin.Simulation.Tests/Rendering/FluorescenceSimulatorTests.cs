using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class FluorescenceSimulatorTests
{
    [Fact]
    public void IdealCameraConservesPhotons()
    {
        // Three emitters of 500 photons at least 8.5 px (5.7 σ) from the edges: the light outside the field is
        // below 1e-8 of the total, so each image sum is Poisson of mean 1500, and the mean of 400 sums has σ ≈ 1.94.
        var recipe = SimulatorRecipes.Fluorescence(
            "{ model: gaussian, sigma_nm: 150 }",
            "{ feature: point_emitter, count: 3, x: { uniform: [8, 23] }, y: { uniform: [8, 23] }, photons: 500 }");
        var simulator = new FluorescenceSimulator(recipe);
        const int samples = 400;
        var images = new float[samples * 32 * 32];
        SimulationBatch.Render(simulator, 0, samples, 2, images, []);
        var mean = images.Sum(v => (double)v) / samples;
        Assert.InRange(mean, 1500 - (5 * 1.94), 1500 + (5 * 1.94));
        Assert.All(images, v => Assert.Equal(Math.Round(v), v));
    }

    [Theory]
    [InlineData("{ model: gaussian, sigma_nm: 120 }")]
    [InlineData("{ model: pupil }")]
    public void CentroidOfABrightEmitterMatchesTheTruth(string psf)
    {
        // 1e7 photons: the shot-noise error of the centroid is about σ/√N ≈ 5e-4 px, far inside the 0.02 px band.
        var recipe = SimulatorRecipes.Fluorescence(psf, "{ feature: point_emitter, count: 1, x: { uniform: [14, 17] }, y: { uniform: [14, 17] }, z: 0, photons: 1.0e7 }");
        var simulator = new FluorescenceSimulator(recipe);
        for (ulong k = 0; k < 3; k++)
        {
            var image = new float[32 * 32];
            var truth = Assert.Single(simulator.Render(k, image, new float[simulator.LabelLength]));
            double sum = 0, sx = 0, sy = 0;
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 32; x++)
                {
                    var v = image[(y * 32) + x];
                    sum += v;
                    sx += v * x;
                    sy += v * y;
                }
            }

            Assert.InRange((sx / sum) - truth.X, -0.02, 0.02);
            Assert.InRange((sy / sum) - truth.Y, -0.02, 0.02);
        }
    }

    [Fact]
    public void SamplesAreTheSameBytesWhateverTheThreadCount()
    {
        var simulator = new FluorescenceSimulator(SimulatorRecipes.Fluorescence(
            "{ model: gaussian }",
            "{ feature: point_emitter, count: { density_per_um2: 2.0 }, x: { uniform: [-0.5, 63.5] }, y: { uniform: [-0.5, 63.5] }, z: { normal: { mean: 0, sd: 200 } }, photons: { log_uniform: [500, 10000] } }",
            "{ preset: smlm-challenge-emccd, background_photons: { uniform: [20, 150] } }",
            size: 64,
            labels: "{ form: decode }"));
        const int count = 6;
        var one = new float[count * 64 * 64];
        var two = new float[count * 64 * 64];
        var labelsOne = new float[count * simulator.LabelLength];
        var labelsTwo = new float[count * simulator.LabelLength];
        var truthOne = SimulationBatch.Render(simulator, 0, count, 1, one, labelsOne);
        var truthTwo = SimulationBatch.Render(simulator, 0, count, 2, two, labelsTwo);
        Assert.Equal(one, two);
        Assert.Equal(labelsOne, labelsTwo);
        Assert.Equal(truthOne, truthTwo);

        var single = new float[64 * 64];
        simulator.Render(3, single, new float[simulator.LabelLength]);
        Assert.Equal(one.AsSpan(3 * 64 * 64, 64 * 64).ToArray(), single);
    }

    [Fact]
    public void DefocusMovesTheFocalPlaneIntoTheSample()
    {
        // An emitter 400 nm deep seen with the focus 400 nm deep is an emitter in focus; 400 nm out of focus it is not.
        float[] Image(string psf, double z)
        {
            var simulator = new FluorescenceSimulator(SimulatorRecipes.Fluorescence(psf, $"{{ feature: point_emitter, count: 1, x: 15.2, y: 16.1, z: {z}, photons: 5000 }}"));
            var image = new float[32 * 32];
            simulator.Render(0, image, []);
            return image;
        }

        var inFocus = Image("{ model: pupil }", 0);
        Assert.Equal(inFocus, Image("{ model: pupil, defocus_nm: 400 }", 400));
        Assert.NotEqual(inFocus, Image("{ model: pupil }", 400));
        Assert.True(inFocus.Max() > Image("{ model: pupil }", 400).Max());
    }

    [Fact]
    public void DifferentSeedsGiveDifferentImages()
    {
        const string feature = "{ feature: point_emitter, count: 4, x: { uniform: [0, 31] }, y: { uniform: [0, 31] }, photons: 800 }";
        var a = new float[32 * 32];
        var b = new float[32 * 32];
        new FluorescenceSimulator(SimulatorRecipes.Fluorescence("{ model: gaussian }", feature, seed: 1)).Render(0, a, new float[32 * 32]);
        new FluorescenceSimulator(SimulatorRecipes.Fluorescence("{ model: gaussian }", feature, seed: 2)).Render(0, b, new float[32 * 32]);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void TruthHoldsEveryCopyWithItsTrackId()
    {
        var recipe = SimulatorRecipes.Fluorescence("{ model: gaussian }", "{ feature: point_emitter, count: 5, x: { uniform: [0, 31] }, y: 7, z: 40, photons: { uniform: [100, 200] } }");
        var simulator = new FluorescenceSimulator(recipe);
        var sample = simulator.Properties(2);
        var group = sample.Group("sample[0]");
        var truth = simulator.Truth(sample);
        Assert.Equal(5, truth.Length);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(group.Number(i, "x"), truth[i].X);
            Assert.Equal(7, truth[i].Y);
            Assert.Equal(40, truth[i].Z);
            Assert.Equal(group.Number(i, "photons"), truth[i].Photons);
            Assert.Equal(i, truth[i].TrackId);
        }
    }

    [Fact]
    public void LabelIsTheOneTheRecipeNames()
    {
        var recipe = SimulatorRecipes.Fluorescence("{ model: gaussian }", "{ feature: point_emitter, count: 1, x: 10, y: 12, photons: 100 }", labels: "{ form: superres, upsample: 2 }");
        var simulator = new FluorescenceSimulator(recipe);
        Assert.IsType<SuperResolutionMap>(simulator.Label);
        Assert.Equal((64, 64), simulator.LabelSize);
        var label = new float[simulator.LabelLength];
        simulator.Render(0, new float[32 * 32], label);
        Assert.Equal(1f, label.Sum());
        Assert.Equal(1f, label[(((12 * 2) + 1) * 64) + (10 * 2) + 1]);
    }

    [Fact]
    public void OtherModalitiesAndFeaturesAreLocatedErrors()
    {
        var error = Assert.Throws<RecipeException>(() => new FluorescenceSimulator(SimulatorRecipes.Fluorescence("{ model: gaussian }", "{ feature: mie_sphere, count: 1, radius_nm: 100, refractive_index: 1.59 }")));
        Assert.Equal("sample[0]", error.FieldPath);
        Assert.Equal("test.yaml", error.FilePath);
        Assert.NotNull(error.Line);
    }
}
