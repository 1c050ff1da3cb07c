using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Recipes;

public class RecipeReaderTests
{
    internal static string ExamplePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "examples", "recipes", "smlm-dense.yaml");
        }
    }

    [Fact]
    public void TheShippedExampleParsesIntoTheExpectedRecipe()
    {
        var recipe = RecipeReader.ReadFile(ExamplePath);

        Assert.Equal("smlm-dense", recipe.Name);
        Assert.Equal(new RecipeImage(64, 64), recipe.Image);
        Assert.Equal("fluorescence", recipe.Optics.Modality);
        Assert.Equal(Spec.Constant(1.4), recipe.Optics.Na);
        Assert.Equal(Spec.Constant(1.518), recipe.Optics.MediumIndex);
        Assert.Equal("pupil", recipe.Optics.PsfModel);
        Assert.Equal(Spec.Choice(-0.12, 0, 0.12), recipe.Optics.Properties["psf.zernike.5"]);
        Assert.Equal(Spec.Choice(-0.15, 0, 0.15), recipe.Optics.Properties["psf.zernike.11"]);
        var feature = Assert.Single(recipe.Sample);
        Assert.Equal("point_emitter", feature.Type);
        Assert.Equal(new IntegerUniformSpec(8, 246), feature.Count);
        Assert.Equal(new UniformSpec(-0.5, 63.5), feature.Properties["x"]);
        Assert.Equal(new UniformSpec(-500, 500), feature.Properties["z"]);
        Assert.Equal(new LogUniformSpec(500, 10000), feature.Properties["photons"]);
        Assert.Equal("smlm-challenge-emccd", recipe.Camera!.Preset);
        Assert.Equal(new UniformSpec(20, 150), recipe.Camera.Properties["background_photons"]);
        Assert.Equal("decode", recipe.Labels!.Form);
        Assert.Null(recipe.Dynamics);
        Assert.Equal(1UL, recipe.Seed);
    }

    [Fact]
    public void TheExampleResolvesWithinItsRanges()
    {
        var sampler = new RecipeSampler(RecipeReader.ReadFile(ExamplePath));
        var sample = sampler.Resolve(0);
        var emitters = sample.Group("sample[0]");

        Assert.InRange(emitters.Count, 8, 246);
        for (var i = 0; i < emitters.Count; i++)
        {
            Assert.InRange(emitters.Number(i, "x"), -0.5, 63.5);
            Assert.InRange(emitters.Number(i, "z"), -500, 500);
            Assert.InRange(emitters.Number(i, "photons"), 500, 10000);
        }

        Assert.Contains(sample.Number("optics.psf.zernike.5"), new[] { -0.12, 0, 0.12 });
        Assert.InRange(sample.Number("camera.background_photons"), 20, 150);
    }

    [Fact]
    public void YamlPositionsAreOneBased()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read("image: { width: 64, height: 64 }\noptics:\n  bogus: 1\n", "a.yaml"));

        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void ASampleDependsOnlyOnTheSeedAndItsIndex()
    {
        var recipe = RecipeReader.ReadFile(ExamplePath);
        var a = new RecipeSampler(recipe);
        var b = new RecipeSampler(RecipeReader.ReadFile(ExamplePath));
        _ = a.Resolve(3);

        var first = a.Resolve(5).Group("sample[0]");
        var second = b.Resolve(5).Group("sample[0]");
        Assert.Equal(first.Column("x").ToArray(), second.Column("x").ToArray());
        Assert.NotEqual(first.Column("x").ToArray(), a.Resolve(6).Group("sample[0]").Column("x").ToArray());
        Assert.NotEqual(first.Column("x").ToArray(), new RecipeSampler(recipe with { Seed = 2 }).Resolve(5).Group("sample[0]").Column("x").ToArray());
    }

    [Fact]
    public void ADrawnApertureAboveTheMediumIndexIsReportedAtItsLine()
    {
        var text = File.ReadAllText(ExamplePath).Replace("na: 1.4", "na: \"= medium_index + 0.01\"", StringComparison.Ordinal);
        var sampler = new RecipeSampler(RecipeReader.Read(text, "smlm.yaml"));

        var error = Assert.Throws<RecipeException>(() => sampler.Resolve(0));
        Assert.Equal("smlm.yaml, line 18, column 7: optics.na = 1.528 was drawn above optics.medium_index = 1.518; the numerical aperture cannot exceed the medium's index", error.Message);
    }
}
