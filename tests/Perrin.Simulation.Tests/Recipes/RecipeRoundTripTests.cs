using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Recipes;

public class RecipeRoundTripTests
{
    private static Recipe Fluent() =>
        Recipe.Create("smlm-dense")
            .Image(64, 64)
            .Optics(o => o.Fluorescence().Na(1.4).WavelengthNm(680).MediumIndex(1.518).PixelSizeNm(100)
                .Psf(p => p.Pupil().Zernike(5, Spec.Choice(-0.12, 0, 0.12)).Zernike(11, Spec.Choice(-0.15, 0, 0.15))))
            .Add(Feature.PointEmitter()
                .Count(Spec.IntegerUniform(8, 246))
                .X(Spec.Uniform(-0.5, 63.5))
                .Y(Spec.Uniform(-0.5, 63.5))
                .Z(Spec.Uniform(-500, 500))
                .Photons(Spec.LogUniform(500, 10000)))
            .Camera(c => c.Preset("smlm-challenge-emccd").BackgroundPhotons(Spec.Uniform(20, 150)))
            .Labels(l => l.Form("decode"))
            .Augmentations(a => a.Crop(32, 32))
            .Seed(1)
            .Build();

    // A recipe with a Poisson density, a fixed aberration and a derived width, whose canonical text is spelled out below.
    private static Recipe DensityRecipe() =>
        Recipe.Create("smlm-dense")
            .Image(64, 64)
            .Optics(o => o.Fluorescence().Na(1.4).WavelengthNm(680).MediumIndex(1.518).PixelSizeNm(100)
                .Psf(p => p.Pupil().DefocusNm(0).Zernike(5, 0.1)))
            .Add(Feature.PointEmitter()
                .Count(Density.PerUm2(2))
                .X(Spec.Uniform(-0.5, 63.5))
                .Y(Spec.Uniform(-0.5, 63.5))
                .Z(Spec.Normal(0, 200))
                .Photons(Spec.LogUniform(500, 10000))
                .SigmaNm(Spec.Expression("= 0.21 * optics.wavelength_nm / optics.na")))
            .Camera(c => c.Preset("smlm-challenge-emccd").BackgroundPhotons(Spec.Uniform(20, 150)))
            .Labels(l => l.Form("decode"))
            .Seed(1)
            .Build();

    private static Recipe Everything() =>
        Recipe.Create("every \"field\": kind")
            .Image(33, 17)
            .Optics(o => o.Iscat().Na(Spec.Uniform(0.5, 0.9)).WavelengthNm(Spec.Normal(532, 3, 520, 540)).MediumIndex(1.33).PixelSizeNm(Spec.Choice(50, 65.5))
                .Psf(p => p.Gaussian().SigmaNm(Spec.Expression("0.21 * optics.wavelength_nm / optics.na")).Zernike(11, -0.25).Zernike(4, 1e-20)))
            .Add(Feature.Sphere().Count(Spec.Poisson(3.5)).RadiusNm(Spec.LogUniform(20, 200)).RefractiveIndex(1.59).Intensity(Spec.Choice([PropertyValue.Of(0.1), PropertyValue.Of(-0.2)], [3, 1])))
            .Add(Feature.Ellipse().Count(Spec.IntegerUniform(0, 4)).X(Spec.Expression("sample[1].count * 2 + image.width / 2")).AngleRad(Spec.Expression("-pi^2 / max(1, 2, 3)")))
            .Add(Feature.Cell().X(7.25).RadiusNm(Spec.Normal(3000, 500, min: 1000)))
            .Camera(c => c.Preset("emccd").EmGain(300).BitDepth(16).QuantumEfficiency(Spec.Uniform(0.8, 0.95)))
            .Dynamics(d => d.Model("brownian").Frames(Spec.IntegerUniform(10, 20)).FrameIntervalMs(10).DiffusionUm2PerS(0.1).Blinking(1, 10, 0.01))
            .Labels(l => l.Form("heatmap").SigmaPx(1.5))
            .Augmentations(a => a.Flip().Rotate90(false).IntensityScale(Spec.LogUniform(0.5, 2)))
            .Seed(18446744073709551615)
            .Build();

    [Fact]
    public void TheFluentApiBuildsTheRecipeTheYamlDescribes()
    {
        Assert.Equal(RecipeReader.ReadFile(RecipeReaderTests.ExamplePath), Fluent());
    }

    [Fact]
    public void YamlToRecipeToYamlToRecipeGivesAnEqualRecipe()
    {
        var first = RecipeReader.ReadFile(RecipeReaderTests.ExamplePath);
        var text = RecipeWriter.Write(first);
        var second = RecipeReader.Read(text, "written.yaml");

        Assert.Equal(first, second);
        Assert.Equal(text, RecipeWriter.Write(second));
    }

    [Fact]
    public void EveryKindOfSpecAndSectionSurvivesTheRoundTrip()
    {
        var recipe = Everything();
        var text = RecipeWriter.Write(recipe);
        var back = RecipeReader.Read(text, "written.yaml");

        Assert.Equal(recipe, back);
        Assert.Equal(text, RecipeWriter.Write(back));
        Assert.NotEqual(recipe, back with { Seed = 0 });
    }

    [Fact]
    public void TheCanonicalFormIsExact()
    {
        var expected = """
            recipe: smlm-dense
            image: { width: 64, height: 64 }
            optics:
              modality: fluorescence
              na: 1.4
              wavelength_nm: 680
              medium_index: 1.518
              pixel_size_nm: 100
              psf:
                model: pupil
                defocus_nm: 0
                zernike:
                  5: 0.1
            sample:
              - feature: point_emitter
                count: { density_per_um2: 2 }
                x: { uniform: [-0.5, 63.5] }
                y: { uniform: [-0.5, 63.5] }
                z: { normal: { mean: 0, sd: 200 } }
                photons: { log_uniform: [500, 10000] }
                sigma_nm: "= 0.21 * optics.wavelength_nm / optics.na"
            camera:
              preset: smlm-challenge-emccd
              background_photons: { uniform: [20, 150] }
            labels:
              form: decode
            seed: 1

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), RecipeWriter.Write(DensityRecipe()));
    }

    [Fact]
    public void WriteFileWritesTheCanonicalText()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perrin-recipe-{Guid.NewGuid():N}.yaml");
        try
        {
            RecipeWriter.WriteFile(Fluent(), path);
            Assert.Equal(RecipeWriter.Write(Fluent()), File.ReadAllText(path));
            Assert.Equal(Fluent(), RecipeReader.ReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheFluentApiReportsMistakesByField()
    {
        var error = Assert.Throws<RecipeException>(() => Recipe.Create().Image(8, 8)
            .Optics(o => o.Fluorescence().Na(1.4).WavelengthNm(680).MediumIndex(1.518).PixelSizeNm(100).Set("psf.zernike.99", 1))
            .Build());

        Assert.Equal("<recipe>: optics.psf.zernike takes keys that are integers in [1, 66]; '99' is not one", error.Message);
        Assert.Null(error.Line);
    }
}
