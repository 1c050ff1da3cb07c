using System.Numerics;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Rendering;

public sealed class IscatSimulatorTests
{
    private const double Lambda = 662;
    private const double Water = 1.333;

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    public void PeakIsTheInterferenceOfReferenceAndScatteredField(double amplitude)
    {
        // In focus and on a pixel centre the scattered field at the particle is s = |s|·e^{iφ} exactly, so the
        // normalized peak is |1 + s|² = 1 + 2|s|cos φ + |s|² (Taylor & Sandoghdar, Nano Lett. 19, 4827 (2019), eq. 1).
        // Checked to 1% of |s|; at |s| = 0.5 dropping the |s|² term would miss by 0.25 = 50% of |s|.
        var simulator = new IscatSimulator(IscatRecipes.Make(
            $"{{ feature: point_emitter, count: 1, x: 24, y: 24, z: 0, intensity: {amplitude}, phase_rad: {{ uniform: [0, 6.283185307179586] }} }}"));
        for (ulong k = 0; k < 12; k++)
        {
            var (sample, truth, image) = Expected(simulator, k);
            var phase = sample.Group("sample[0]").Number(0, "phase_rad");
            var expected = (2 * amplitude * Math.Cos(phase)) + (amplitude * amplitude);
            var measured = (image[(24 * 48) + 24] / 1e6) - 1;
            Assert.InRange(measured - expected, -0.01 * amplitude, 0.01 * amplitude);
            Assert.Equal(measured, truth[0].Contrast, 5e-7 * (1 + amplitude));
            Assert.Equal(amplitude, truth[0].Intensity, 12);
            Assert.True(double.IsNaN(truth[0].Photons));
        }
    }

    [Fact]
    public void ContrastFollowsTheRoundTripPhaseAndFlipsEveryQuarterWave()
    {
        // Extra path 2·n·z in reflection: C(z) = 2|s|cos(4π·n·z/λ) + |s|² with the depth-independent sinc field,
        // to 1% of |s| over 0 … 500 nm; C changes sign when z moves by λ/(4n) = 124 nm.
        var simulator = new IscatSimulator(IscatRecipes.Make(
            "{ feature: point_emitter, count: 1, x: 24, y: 24, z: { uniform: [0, 500] }, intensity: 0.01 }", psf: "{ model: sinc }"));
        for (ulong k = 0; k < 16; k++)
        {
            var (_, truth, image) = Expected(simulator, k);
            var z = truth[0].Z;
            var expected = (0.02 * Math.Cos(4 * Math.PI * Water * z / Lambda)) + 1e-4;
            Assert.InRange((image[(24 * 48) + 24] / 1e6) - 1 - expected, -1e-4, 1e-4);
        }
    }

    [Fact]
    public void PupilFieldContrastFlipsWhenTheParticleRisesAQuarterWave()
    {
        // With the focus λ/(8n) above the coverslip, particles at z = 0 and z = λ/(4n) sit ±λ/(8n) from it: the
        // defocused pupil field has the same magnitude and opposite Gouy phases there, so
        // C(0) + C(λ/4n) = 2|s|²|G|² (≤ 2e-4 here) and both are large (> half of 2|s|).
        var quarter = Lambda / (4 * Water);
        var recipe = RecipeReader.Read(
            $$"""
            image: { width: 96, height: 48 }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: { model: pupil, defocus_nm: {{quarter / 2}} }, reference_photons: 1.0e6 }
            sample:
              - { feature: point_emitter, count: 1, x: 24, y: 24, z: 0, intensity: 0.01 }
              - { feature: point_emitter, count: 1, x: 72, y: 24, z: {{quarter}}, intensity: 0.01 }
            seed: 2
            """,
            "flip.yaml");
        var simulator = new IscatSimulator(recipe);
        var sample = simulator.Properties(0);
        var truth = simulator.Truth(sample);
        var image = new float[96 * 48];
        simulator.RenderExpected(sample, truth, image);
        var low = (image[(24 * 96) + 24] / 1e6) - 1;
        var high = (image[(24 * 96) + 72] / 1e6) - 1;
        Assert.True(Math.Abs(low) > 0.01 && Math.Abs(high) > 0.01, $"{low}, {high}");
        Assert.True(low * high < 0);
        Assert.InRange(low + high, -1e-5, 2.2e-4);
        Assert.Equal(low, truth[0].Contrast, 1e-6);
        Assert.Equal(high, truth[1].Contrast, 1e-6);
    }

    [Fact]
    public void SmallSphereContrastScalesWithTheVolume()
    {
        // Polystyrene in water, 10–30 nm, with the depth-independent sinc field: the interference term
        // C − |s|² = 2|s|cos φ grows as r³ (Rayleigh), within 3.5% up to x = 0.38. At z = λ/(8n) the round trip
        // adds π/2 to the dipole's π/2, so the spheres are dark; C itself, with its |s|² term, stays within 6%.
        var simulator = new IscatSimulator(IscatRecipes.Make(
            $"{{ feature: mie_sphere, count: 1, x: 24, y: 24, z: {Lambda / (8 * Water)}, radius_nm: {{ uniform: [10, 30] }}, refractive_index: 1.59 }}", psf: "{ model: sinc }"));
        var linear = new List<double>();
        var full = new List<double>();
        for (ulong k = 0; k < 8; k++)
        {
            var (_, truth, image) = Expected(simulator, k);
            var contrast = (image[(24 * 48) + 24] / 1e6) - 1;
            Assert.True(contrast < 0);
            Assert.Equal(contrast, truth[0].Contrast, 1e-6);
            var volume = Math.Pow(truth[0].RadiusNm, 3);
            linear.Add(Math.Abs(contrast - (truth[0].Intensity * truth[0].Intensity)) / volume);
            full.Add(Math.Abs(contrast) / volume);
        }

        Assert.InRange(linear.Max() / linear.Min(), 1, 1.035);
        Assert.InRange(full.Max() / full.Min(), 1, 1.06);
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e5)]
    [InlineData(1e6)]
    public void FlatFieldShotNoiseIsOneOverRootN(double photons)
    {
        // Poisson counts of mean N: relative std 1/√N. 256² pixels estimate it to 0.28%, so 3% is > 10σ.
        var simulator = new IscatSimulator(IscatRecipes.Make(
            "{ feature: point_emitter, count: 0, intensity: 0.01 }", psf: "{ model: sinc }", size: 256, photons: photons.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var image = new float[256 * 256];
        simulator.Render(0, image, []);
        var mean = image.Average(v => (double)v);
        var std = Math.Sqrt(image.Sum(v => (v - mean) * (v - mean)) / image.Length);
        Assert.InRange(mean / photons, 0.995, 1.005);
        Assert.InRange(std / mean * Math.Sqrt(photons), 0.97, 1.03);
    }

    [Fact]
    public void SpeckleIsStaticPerSampleAndKeepsTheMeanReference()
    {
        var simulator = new IscatSimulator(IscatRecipes.Make(
            "{ feature: point_emitter, count: 0, intensity: 0.01 }", optics: ", speckle_rms_nm: 1, speckle_correlation_nm: 60", psf: "{ model: sinc, defocus_nm: 100 }", size: 128));
        var one = (Complex[])simulator.Speckle(1, simulator.Properties(1))!.Clone();
        var two = (Complex[])simulator.Speckle(2, simulator.Properties(2))!.Clone();
        Assert.NotEqual(one, two);
        Assert.Equal(one, simulator.Speckle(1, simulator.Properties(1)));
        var (_, _, first) = Expected(simulator, 1);
        var (_, _, again) = Expected(simulator, 1);
        var (_, _, second) = Expected(simulator, 2);
        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
        Assert.InRange(first.Average(v => (double)v) / 1e6, 0.98, 1.0);
        var spread = Math.Sqrt(first.Average(v => Math.Pow((v / 1e6) - 1, 2)));
        Assert.InRange(spread, 1e-3, 0.2);
    }

    [Fact]
    public void SamplesAreTheSameBytesWhateverTheThreadCount()
    {
        var recipe = RecipeReader.Read(
            """
            image: { width: 40, height: 40 }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: { model: pupil }, reference_photons: { log_uniform: [1.0e4, 1.0e5] }, speckle_rms_nm: 0.5, speckle_correlation_nm: 60 }
            sample:
              - { feature: point_emitter, count: 5, x: { uniform: [0, 39] }, y: { uniform: [0, 39] }, z: { uniform: [0, 200] }, intensity: { log_uniform: [0.001, 0.1] }, phase_rad: { uniform: [0, 6.3] } }
              - { feature: mie_sphere, count: 2, x: { uniform: [0, 39] }, y: { uniform: [0, 39] }, z: { uniform: [0, 200] }, radius_nm: { uniform: [10, 40] }, refractive_index: 1.59 }
            seed: 8
            """,
            "threads.yaml");
        var simulator = ImageSimulator.Create(recipe);
        Assert.IsType<IscatSimulator>(simulator);
        var a = new float[6 * 1600];
        var b = new float[6 * 1600];
        var truthA = SimulationBatch.Render(simulator, 0, 6, 1, a, []);
        var truthB = SimulationBatch.Render(ImageSimulator.Create(recipe), 0, 6, 2, b, []);
        Assert.Equal(a, b);
        Assert.Equal(truthA.SelectMany(t => t.Select(p => p.Contrast)), truthB.SelectMany(t => t.Select(p => p.Contrast)));
        Assert.All(truthA.SelectMany(t => t), p => Assert.True(double.IsFinite(p.Contrast)));
    }

    [Theory]
    [InlineData("na: 1.4, reference_photons: -5", "optics.reference_photons")]
    [InlineData("na: 1.6, reference_photons: 1.0e4", "optics.na")]
    [InlineData("na: 1.4, reference_photons: 1.0e4, speckle_rms_nm: 1", "optics.speckle_rms_nm")]
    [InlineData("na: 1.4, reference_photons: 1.0e4, psf: { model: gaussian }", "optics.psf.model")]
    [InlineData("na: 1.4", "optics")]
    public void RecipeMistakesAreLocated(string optics, string field)
    {
        var error = Assert.Throws<RecipeException>(() => ImageSimulator.Create(RecipeReader.Read(
            $$"""
            image: { width: 16, height: 16 }
            optics: { modality: iscat, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, {{optics}} }
            sample:
              - { feature: point_emitter, count: 1, intensity: 0.01 }
            """,
            "bad.yaml")));
        Assert.Equal(field, error.FieldPath);
        Assert.Equal("bad.yaml", error.FilePath);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void OnlyPointScatterersAndMieSpheresAreAccepted()
    {
        var error = Assert.Throws<RecipeException>(() => new IscatSimulator(IscatRecipes.Make("{ feature: sphere, count: 1, radius_nm: 20, refractive_index: 1.5 }")));
        Assert.Equal("sample[0]", error.FieldPath);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void TheExampleRecipeRendersDenseFrames()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
        {
            directory = directory.Parent;
        }

        var recipe = RecipeReader.ReadFile(Path.Combine(directory!.FullName, "examples", "recipes", "iscat-dense.yaml"));
        var simulator = Assert.IsType<IscatSimulator>(ImageSimulator.Create(recipe));
        Assert.Equal((64, 64), (simulator.Width, simulator.Height));
        var image = new float[64 * 64];
        var truth = simulator.Render(0, image, new float[simulator.LabelLength]);

        // 0 to 20 particles over the 80 × 80 px the window sees.
        Assert.InRange(truth.Length, 0, 20);
        Assert.All(truth, p => Assert.InRange(Math.Abs(p.Contrast), 0, 0.11));
        Assert.All(truth, p => Assert.Equal(ScattererKind.PointEmitter, p.Kind));
        var photons = simulator.Properties(0).Number("optics.reference_photons");
        Assert.InRange(image.Average(v => (double)v) / photons, 0.95, 1.05);
    }

    private static (Perrin.Simulation.Properties.ResolvedProperties Sample, ParticleTruth[] Truth, float[] Image) Expected(IscatSimulator simulator, ulong k)
    {
        var sample = simulator.Properties(k);
        var truth = simulator.Truth(sample);
        var image = new float[simulator.Width * simulator.Height];
        simulator.RenderExpected(sample, truth, image);
        return (sample, truth, image);
    }
}
