using Perrin.Simulation.Rendering;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Rendering;

public class ExtendedBodyFluorescenceTests
{
    [Theory]
    [InlineData("{ model: gaussian, sigma_nm: 150 }", "{ feature: sphere, count: 2, x: { uniform: [12, 19] }, y: { uniform: [12, 19] }, z: 0, radius_nm: 400, photons: 3000 }")]
    [InlineData("{ model: gaussian }", "{ feature: cell, count: 2, x: { uniform: [13, 18] }, y: { uniform: [13, 18] }, radius_nm: 500, minor_radius_nm: 350, angle_rad: { uniform: [0, 3.14] }, photons: 3000 }")]
    [InlineData("{ model: gaussian }", "{ feature: ellipse, count: 2, x: { uniform: [13, 18] }, y: { uniform: [13, 18] }, radius_nm: 600, minor_radius_nm: 300, angle_rad: 0.4, photons: 3000 }")]
    public void IdealCameraConservesThePhotonsOfExtendedBodies(string psf, string feature)
    {
        // Two bodies of 3000 photons at least 6 px (σ ≈ 1 px) from the edges lose < 1e-8 of their light, so each
        // image sum is Poisson of mean 6000: the mean of 200 sums has σ = √(6000/200) ≈ 5.5; a 5σ band.
        var simulator = new FluorescenceSimulator(SimulatorRecipes.Fluorescence(psf, feature));
        const int samples = 200;
        var images = new float[samples * 32 * 32];
        SimulationBatch.Render(simulator, 0, samples, 2, images, []);
        var mean = images.Sum(v => (double)v) / samples;
        Assert.InRange(mean, 6000 - (5 * 5.5), 6000 + (5 * 5.5));
    }

    [Fact]
    public void ABodyThroughThePupilKeepsItsPhotonsWithinThePatch()
    {
        // A ±100 nm ellipsoid spans 2 depth slabs of the pupil table (kept small: each table depth costs seconds). The image holds the body's photons times the
        // fraction of the PSF light the patches keep, at least the table's smallest PatchEnergy, with Poisson noise
        // (σ ≈ 316 for 1e5 photons; 5σ bands).
        const string body = "{ feature: ellipsoid, count: 1, x: 23.3, y: 24.6, z: 0, radius_nm: 100, minor_radius_nm: 80, axial_radius_nm: 100, angle_rad: 0.3, photons: 100000 }";
        var pupil = new FluorescenceSimulator(SimulatorRecipes.Fluorescence("{ model: pupil }", body, size: 48));
        var image = new float[48 * 48];
        pupil.Render(0, image, []);
        var kept = ((Perrin.Simulation.Optics.PsfTable)new RecipePsfs(new Perrin.Simulation.Recipes.RecipeSampler(pupil.Recipe)).Shared(pupil.Properties(0))!).PatchEnergy;
        Assert.Equal(3, kept.Count);
        Assert.InRange(image.Sum(v => (double)v), (kept.Min() * 1e5) - 1580, 1e5 + 1580);

        // The same body through the in-focus Airy PSF keeps 97 % of the light in its patch.
        var airy = new float[48 * 48];
        new FluorescenceSimulator(SimulatorRecipes.Fluorescence("{ model: airy }", body, size: 48)).Render(0, airy, []);
        Assert.InRange(airy.Sum(v => (double)v), (0.97 * 1e5) - 1580, 1e5 + 1580);
    }

    [Fact]
    public void ABodyIsDrawnWhereItsTruthIs()
    {
        // A bright sphere's centroid matches its truth: the blur is symmetric, the projection's centroid is within
        // 0.005 px of the centre (ShapeGeometryTests), and shot noise of 1e7 photons moves it by < 1e-3 px.
        var simulator = new FluorescenceSimulator(SimulatorRecipes.Fluorescence("{ model: gaussian }", "{ feature: sphere, count: 1, x: { uniform: [14, 17] }, y: { uniform: [14, 17] }, radius_nm: 350, photons: 1.0e7 }"));
        for (ulong k = 0; k < 3; k++)
        {
            var image = new float[32 * 32];
            var truth = Assert.Single(simulator.Render(k, image, new float[simulator.LabelLength]));
            Assert.Equal(ScattererKind.Sphere, truth.Kind);
            double sum = 0, sx = 0, sy = 0;
            for (var i = 0; i < image.Length; i++)
            {
                sum += image[i];
                sx += image[i] * (i % 32);
                sy += image[i] * (i / 32);
            }

            Assert.InRange((sx / sum) - truth.X, -0.01, 0.01);
            Assert.InRange((sy / sum) - truth.Y, -0.01, 0.01);
        }
    }

    [Fact]
    public void CellsAreTheSameBytesWhateverTheThreadCountAndTheirOutlinesComeFromTheTruth()
    {
        var simulator = new FluorescenceSimulator(SimulatorRecipes.Fluorescence(
            "{ model: gaussian }",
            "{ feature: cell, count: { poisson: 6 }, x: { uniform: [0, 63] }, y: { uniform: [0, 63] }, radius_nm: { uniform: [400, 800] }, minor_radius_nm: { uniform: [300, 400] }, angle_rad: { uniform: [0, 3.14] }, photons: { uniform: [1000, 5000] } }",
            "{ preset: scmos, background_photons: 20 }",
            size: 64,
            labels: "{ form: mask, instances: true }"));
        const int count = 5;
        var one = new float[count * 64 * 64];
        var two = new float[count * 64 * 64];
        var labelsOne = new float[count * simulator.LabelLength];
        var labelsTwo = new float[count * simulator.LabelLength];
        var truthOne = SimulationBatch.Render(simulator, 0, count, 1, one, labelsOne);
        var truthTwo = SimulationBatch.Render(simulator, 0, count, 2, two, labelsTwo);
        Assert.Equal(one, two);
        Assert.Equal(labelsOne, labelsTwo);
        Assert.Equal(truthOne, truthTwo);

        var seeds = truthOne.SelectMany(t => t).Select(t => t.ShapeSeed).ToArray();
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        var label = new float[simulator.LabelLength];
        simulator.Label!.Render(truthOne[2], 64, 64, label);
        Assert.Equal(labelsOne.AsSpan(2 * label.Length, label.Length).ToArray(), label);
    }
}
