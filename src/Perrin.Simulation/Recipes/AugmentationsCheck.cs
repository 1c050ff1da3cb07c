using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Checks of the augmentations section that need the image size or several fields at once: the crop is a
/// constant window no larger than the image, elastic needs both alpha_px and sigma_px, quarter turns need a
/// square image (the output keeps its size).
/// </summary>
internal static class AugmentationsCheck
{
    public static void Check(RecipeImage image, RecipeAugmentations? augmentations, RecipeSourceMap source)
    {
        if (augmentations is null)
        {
            return;
        }

        var fields = augmentations.Properties;
        if (fields.TryGetValue("rotate90", out var turn) && turn is ConstantSpec { Value.Boolean: true } && image.Width != image.Height)
        {
            throw source.Error("augmentations.rotate90",
                $"augmentations.rotate90 would turn the {image.Width}×{image.Height} image into {image.Height}×{image.Width}; quarter turns need a square image (crop afterwards for another shape)");
        }

        Both(fields, "elastic", "alpha_px", "sigma_px", source);
        Both(fields, "crop", "width", "height", source);
        CropSide(fields, "width", image.Width, source);
        CropSide(fields, "height", image.Height, source);
    }

    private static void Both(PropertyMap fields, string group, string first, string second, RecipeSourceMap source)
    {
        var hasFirst = fields.ContainsKey($"{group}.{first}");
        var hasSecond = fields.ContainsKey($"{group}.{second}");
        if (hasFirst != hasSecond)
        {
            var missing = hasFirst ? second : first;
            throw source.Error($"augmentations.{group}", $"augmentations.{group} is missing {missing}; it needs {first} and {second}");
        }
    }

    private static void CropSide(PropertyMap fields, string side, int imageSide, RecipeSourceMap source)
    {
        if (!fields.TryGetValue($"crop.{side}", out var spec))
        {
            return;
        }

        var path = $"augmentations.crop.{side}";
        if (spec is not ConstantSpec { Value.IsNumber: true } constant)
        {
            throw source.Error(path, $"{path} = {SpecText.Describe(spec)} must be a constant number of pixels: every sample has the same size");
        }

        var value = constant.Value.Number;
        if (value > imageSide)
        {
            throw source.Error(path, $"{path} = {SpecText.Describe(spec)} is larger than image.{side} = {imageSide}; the crop is a window of the rendered image");
        }
    }
}
