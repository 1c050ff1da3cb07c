using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class CoherentSimulatorTests
{
    private static string ExampleRecipe
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "examples", "recipes", "holography-mie.yaml");
        }
    }

    private static Recipe Coherent(string modality, string feature, string extraOptics = "", string camera = "{ preset: ideal }") =>
        RecipeReader.Read(
            $$"""
            image: { width: 48, height: 48 }
            optics: { modality: {{modality}}, na: 0.8, wavelength_nm: 633, medium_index: 1.33, pixel_size_nm: 100{{extraOptics}} }
            sample:
              - {{feature}}
            camera: {{camera}}
            labels: { form: positions }
            seed: 5
            """,
            "coherent.yaml");

    [Fact]
    public void TheExampleRecipeGivesANormalizedHologram()
    {
        var simulator = ImageSimulator.Create(RecipeReader.ReadFile(ExampleRecipe));
        Assert.IsType<CoherentSimulator>(simulator);
        var image = new float[128 * 128];
        var truth = Assert.Single(simulator.Render(0, image, []));
        Assert.InRange(truth.X, 20, 108);
        Assert.Equal(500, truth.RadiusNm);
        // Far from the bead the intensity is the illumination's, 1; at the bead it differs by tens of per cent.
        Assert.InRange(image[((int)Math.Round(truth.Y) > 64 ? 2 : 125) * 128], 0.9, 1.1);
        Assert.True(Math.Abs(image[((int)Math.Round(truth.Y) * 128) + (int)Math.Round(truth.X)] - 1) > 0.05);
        Assert.Contains(image, v => v != Math.Round(v));
    }

    [Fact]
    public void DarkfieldIsTheScatteredLightOnly()
    {
        const string bead = "{ feature: mie_sphere, count: 1, x: 23.4, y: 24.1, z: 1000, radius_nm: 300, refractive_index: 1.58 }";
        var dark = new float[48 * 48];
        var bright = new float[48 * 48];
        ImageSimulator.Create(Coherent("darkfield", bead)).Render(0, dark, []);
        ImageSimulator.Create(Coherent("brightfield", bead)).Render(0, bright, []);
        Assert.All(dark, v => Assert.True(v >= 0));
        Assert.True(dark[0] < 1e-3 * dark.Max());
        Assert.InRange(bright[0], 0.95, 1.05);
    }

    [Fact]
    public void SameSeedSameBytesWhateverTheThreads()
    {
        var simulator = ImageSimulator.Create(Coherent(
            "holography",
            "{ feature: mie_sphere, count: { poisson: 3 }, x: { uniform: [0, 47] }, y: { uniform: [0, 47] }, z: { uniform: [-3000, 3000] }, radius_nm: { uniform: [200, 600] }, refractive_index: 1.5 }",
            ", illumination_photons: 500"));
        var one = new float[12 * 48 * 48];
        var two = new float[12 * 48 * 48];
        SimulationBatch.Render(simulator, 0, 12, 1, one, []);
        SimulationBatch.Render(simulator, 0, 12, 2, two, []);
        Assert.Equal(one, two);
        Assert.All(one, v => Assert.Equal(Math.Round(v), v));
    }

    [Fact]
    public void PointEmittersAreRefusedAtTheirFeature()
    {
        var error = Assert.Throws<RecipeException>(() => ImageSimulator.Create(Coherent("brightfield", "{ feature: point_emitter, count: 1, x: 3, y: 3, photons: 10 }")));
        Assert.Contains("sample[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("coherent.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWeakSphereBodyImagesLikeTheMieSphereOfTheSameSizeAndIndex()
    {
        // A weak phase sphere (n 1.34 in 1.33, r 1 µm, 2 µm from focus) is in the regime where multislice through
        // the sphere body and the exact Mie field agree; the bound is 3% of the hologram's contrast (RMS), as in
        // MultisliceTests, which measured about 0.7% with an exact chord-length sphere.
        const string Place = "count: 1, x: 32.3, y: 31.6, z: 2000, radius_nm: 1000, refractive_index: 1.34";
        var body = new float[64 * 64];
        var mie = new float[64 * 64];
        ImageSimulator.Create(Wide($"{{ feature: sphere, {Place} }}")).Render(0, body, []);
        ImageSimulator.Create(Wide($"{{ feature: mie_sphere, {Place} }}")).Render(0, mie, []);
        double contrast = 0, difference = 0;
        for (var i = 0; i < body.Length; i++)
        {
            contrast += (mie[i] - 1) * (mie[i] - 1);
            difference += (body[i] - mie[i]) * (body[i] - mie[i]);
        }

        Assert.True(contrast > 1e-4 * body.Length, "the sphere must be visible");
        Assert.InRange(Math.Sqrt(difference / contrast), 0, 0.03);
    }

    private static Recipe Wide(string feature) =>
        RecipeReader.Read(
            $$"""
            image: { width: 64, height: 64 }
            optics: { modality: brightfield, na: 0.8, wavelength_nm: 633, medium_index: 1.33, pixel_size_nm: 100, slice_nm: 50 }
            sample:
              - {{feature}}
            camera: { preset: ideal }
            labels: { form: positions }
            seed: 5
            """,
            "weak-sphere.yaml");
}
