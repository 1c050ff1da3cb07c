using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// What stays fixed while a sample or a movie is recorded: the recipe's <see cref="CameraModel"/> with its sCMOS
/// pixel maps (drawn once per recipe from <c>camera.scmos_maps.seed</c>: a property of the sensor) and its fixed
/// pattern (drawn per sample or movie), and the background beyond the constant level (a gradient or a structured
/// field drawn per sample or movie). Build it with <see cref="RecipeCameraModels.Sensor"/>.
/// </summary>
public sealed class RecipeSensor
{
    private readonly float[]? _background;

    internal RecipeSensor(CameraModel camera, int width, int height, float[]? background)
    {
        Camera = camera;
        Width = width;
        Height = height;
        _background = background;
    }

    public CameraModel Camera { get; }

    /// <summary>Columns of the images the sensor records (the recipe's output, after any crop).</summary>
    public int Width { get; }

    /// <summary>Rows of the images the sensor records.</summary>
    public int Height { get; }

    /// <summary>Expected photons per pixel added before the camera (row-major); empty when the modality's signal holds the whole background.</summary>
    public ReadOnlySpan<float> Background => _background;

    /// <summary>Adds the background and records the image in place: expected photons in, ADU out.</summary>
    public void Record(Span<float> image, RandomStream camera)
    {
        if (_background is { } background)
        {
            if (image.Length != background.Length)
            {
                throw new ArgumentException($"the image holds {image.Length} pixels, the sensor {background.Length}", nameof(image));
            }

            for (var i = 0; i < image.Length; i++)
            {
                image[i] += background[i];
            }
        }

        Camera.Apply(image, Width, Height, camera);
    }

    internal static RecipeSensor Create(Recipe recipe, ResolvedProperties sample, RandomStream stream)
    {
        var (width, height) = RecipeCameraModels.OutputSize(recipe);
        var model = RecipeCameraModels.For(recipe, sample);
        if (RecipeCameraModels.Maps(recipe, sample, model) is { } maps)
        {
            model = model with { PixelMaps = maps };
        }

        if (FixedPattern(recipe, sample, width, height, stream.Substream(2)) is { } pattern)
        {
            model = model with { FixedPattern = pattern };
        }

        return new RecipeSensor(model, width, height, DrawBackground(recipe, sample, width, height, stream.Substream(1)));
    }

    private static FixedPatternNoise? FixedPattern(Recipe recipe, ResolvedProperties sample, int width, int height, RandomStream stream)
    {
        if (!Has(recipe, "fixed_pattern."))
        {
            return null;
        }

        return FixedPatternNoise.Generate(
            width,
            height,
            stream,
            Number(sample, "camera.fixed_pattern.row_gain_sd"),
            Number(sample, "camera.fixed_pattern.column_gain_sd"),
            Number(sample, "camera.fixed_pattern.row_sd_adu"),
            Number(sample, "camera.fixed_pattern.column_sd_adu"));
    }

    private static float[]? DrawBackground(Recipe recipe, ResolvedProperties sample, int width, int height, RandomStream stream)
    {
        var kind = sample.TryGet("camera.background.kind", out var value) ? value.Text : "constant";
        if (kind == "constant")
        {
            return null;
        }

        var level = sample.TryGet("camera.background_photons", out var photons) ? photons.Number : 0;
        var image = new float[width * height];
        try
        {
            IBackground background = kind == "gradient"
                ? new GradientBackground(level, Number(sample, "camera.background.slope_x"), Number(sample, "camera.background.slope_y"))
                : new StructuredBackground(level, Number(sample, "camera.background.amplitude_photons"), Number(sample, "camera.background.correlation_px", 10));
            background.AddTo(image, width, height, stream);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(recipe, "camera.background", $"camera.background: {error.Message}");
        }

        return image;
    }

    private static bool Has(Recipe recipe, string prefix) =>
        recipe.Camera is { } camera && camera.Properties.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    private static double Number(ResolvedProperties sample, string path, double fallback = 0) =>
        sample.TryGet(path, out var value) ? value.Number : fallback;
}
