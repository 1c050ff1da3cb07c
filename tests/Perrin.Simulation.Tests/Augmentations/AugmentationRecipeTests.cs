using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Augmentations;

public class AugmentationRecipeTests
{
    private static RecipeBuilder Base(int width = 64, int height = 64) =>
        Recipe.Create("augmented")
            .Image(width, height)
            .Optics(o => o.Fluorescence().Na(1.4).WavelengthNm(680).MediumIndex(1.518).PixelSizeNm(100))
            .Add(Feature.PointEmitter().Count(2).Photons(1000));

    [Fact]
    public void EveryAugmentationFieldSurvivesTheRoundTrip()
    {
        var recipe = Base()
            .Augmentations(a => a.Flip().Rotate90()
                .Affine(f => f.RotationDeg(Spec.Uniform(-180, 180)).Scale(Spec.LogUniform(0.8, 1.25)).ScaleX(1.1).ScaleY(0.9).Shear(Spec.Normal(0, 0.1)).TranslatePx(Spec.Uniform(-2, 2), -1.5))
                .Elastic(Spec.Uniform(10, 40), 6)
                .Crop(48, 40)
                .IntensityScale(Spec.LogUniform(0.5, 2))
                .Offset(100))
            .Build();
        var text = RecipeWriter.Write(recipe);
        Assert.Equal(recipe, RecipeReader.Read(text, "written.yaml"));
        Assert.Contains(
            """
            augmentations:
              flip: true
              rotate90: true
              affine:
                rotation_deg: { uniform: [-180, 180] }
                scale: { log_uniform: [0.8, 1.25] }
                scale_x: 1.1
                scale_y: 0.9
                shear: { normal: { mean: 0, sd: 0.1 } }
                translate_x_px: { uniform: [-2, 2] }
                translate_y_px: -1.5
              elastic:
                alpha_px: { uniform: [10, 40] }
                sigma_px: 6
              crop:
                width: 48
                height: 40
              intensity_scale: { log_uniform: [0.5, 2] }
              offset: 100
            """.ReplaceLineEndings("\n"),
            text,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crop: { width: 80, height: 32 }", "augmentations.crop.width", 8, "augmentations.crop.width = 80 is larger than image.width = 64")]
    [InlineData("crop: { width: 32, height: 65 }", "augmentations.crop.height", 8, "is larger than image.height = 64")]
    [InlineData("crop: { width: { uniform: [10, 20] }, height: 8 }", "augmentations.crop.width", 8, "must be a constant number of pixels")]
    [InlineData("crop: { width: 32 }", "augmentations.crop", 8, "augmentations.crop is missing height")]
    [InlineData("elastic: { alpha_px: 10, sigma_px: -2 }", "augmentations.elastic.sigma_px", 8, "augmentations.elastic.sigma_px")]
    [InlineData("elastic: { alpha_px: 10 }", "augmentations.elastic", 8, "augmentations.elastic is missing sigma_px")]
    [InlineData("affine: { scale: 0 }", "augmentations.affine.scale", 8, "augmentations.affine.scale")]
    [InlineData("affine: { rotaton_deg: 3 }", "augmentations.affine.rotaton_deg", 8, "did you mean rotation_deg?")]
    [InlineData("flip: 1", "augmentations.flip", 8, "must be true or false")]
    public void BadAugmentationsAreLocated(string field, string path, int line, string message)
    {
        var text = $$"""
            recipe: bad
            image: { width: 64, height: 64 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100 }
            sample:
              - { feature: point_emitter, count: 1, photons: 100 }
            seed: 1
            augmentations:
              {{field}}
            """;
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read(text, "bad.yaml"));
        Assert.Equal(path, error.FieldPath);
        Assert.Equal("bad.yaml", error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarterTurnsNeedASquareImage()
    {
        var error = Assert.Throws<RecipeException>(() => Base(64, 48).Augmentations(a => a.Rotate90()).Build());
        Assert.Equal("augmentations.rotate90", error.FieldPath);
        Assert.Contains("quarter turns need a square image", error.Message, StringComparison.Ordinal);
        Base(64, 48).Augmentations(a => a.Rotate90(false).Crop(48, 48)).Build();
    }
}
