using Perrin.Core.Randomness;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// A recipe's <c>augmentations</c> section. The geometric ones act on the noise-free signal of the whole rendered
/// canvas (<c>image</c>), in this order: <c>flip</c> (horizontal, vertical, each with probability 1/2),
/// <c>rotate90</c> (0–3 quarter turns, square images), <c>affine</c> (<see cref="PixelAffine.AboutCentre"/> with
/// rotation_deg, scale × scale_x, scale × scale_y, shear, translate_x_px, translate_y_px; missing fields are the
/// identity), <c>elastic</c> (alpha_px, sigma_px) and <c>crop</c> (a width × height window at a random origin,
/// which is the output image, so the camera noise stays independent per output pixel; the recipe validator has
/// checked that quarter turns see a square image and that the crop fits). Then
/// <c>intensity_scale</c> multiplies the signal (and the truth's photons) before the camera and <c>offset</c> is
/// added to the recorded ADU. The affine fields, the scale and the offset are properties drawn per sample; the
/// flips, turns, elastic noise and crop origin come from the stream (seed, sample, <see cref="Purpose"/>).
/// </summary>
public sealed class AugmentationPlan
{
    public static readonly ulong Purpose = StablePathHash.Of("perrin.simulation.augmentations");
    public static readonly ulong ElasticPurpose = StablePathHash.Of("perrin.simulation.augmentations.elastic");

    private static readonly string[] Geometric = ["flip", "rotate90", "affine", "elastic", "crop"];

    private readonly Recipe _recipe;
    private readonly PropertyMap _fields;

    public AugmentationPlan(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        _recipe = recipe;
        _fields = recipe.Augmentations?.Properties ?? PropertyMap.Empty;
        CanvasWidth = recipe.Image.Width;
        CanvasHeight = recipe.Image.Height;
        Flip = IsOn("flip");
        Rotate90 = IsOn("rotate90");
        Affine = _fields.Keys.Any(k => k.StartsWith("affine.", StringComparison.Ordinal));
        Elastic = _fields.ContainsKey("elastic.alpha_px");
        Crop = _fields.ContainsKey("crop.width");
        (OutputWidth, OutputHeight) = Crop ? (Size("crop.width"), Size("crop.height")) : (CanvasWidth, CanvasHeight);
    }

    public int CanvasWidth { get; }

    public int CanvasHeight { get; }

    public int OutputWidth { get; }

    public int OutputHeight { get; }

    public bool Flip { get; }

    public bool Rotate90 { get; }

    public bool Affine { get; }

    public bool Elastic { get; }

    public bool Crop { get; }

    /// <summary>Whether any augmentation moves pixels (and so the truth).</summary>
    public bool IsGeometric => Flip || Rotate90 || Affine || Elastic || Crop;

    /// <summary>Whether the recipe asks for any augmentation at all.</summary>
    public bool IsEmpty => _fields.Count == 0;

    /// <summary>The geometric augmentations of sample <paramref name="sampleIndex"/>, whose properties are <paramref name="sample"/>.</summary>
    public AugmentationSequence Draw(ResolvedProperties sample, ulong sampleIndex)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var random = new RandomStream(_recipe.Seed, sampleIndex, Purpose);
        var steps = new List<IImageAugmentation>(5);
        if (Flip)
        {
            steps.Add(ImageFlip.Draw(random));
        }

        if (Rotate90)
        {
            steps.Add(QuarterTurn.Draw(random));
        }

        if (Affine)
        {
            var scale = Number(sample, "affine.scale", 1);
            steps.Add(AffineWarp.AboutCentre(
                CanvasWidth,
                CanvasHeight,
                Number(sample, "affine.rotation_deg", 0) * Math.PI / 180,
                scale * Number(sample, "affine.scale_x", 1),
                scale * Number(sample, "affine.scale_y", 1),
                Number(sample, "affine.shear", 0),
                Number(sample, "affine.translate_x_px", 0),
                Number(sample, "affine.translate_y_px", 0)));
        }

        if (Elastic)
        {
            steps.Add(ElasticWarp.Draw(random.Substream(ElasticPurpose), CanvasWidth, CanvasHeight, Number(sample, "elastic.alpha_px", 0), Number(sample, "elastic.sigma_px", 1)));
        }

        if (Crop)
        {
            steps.Add(CropWindow.Draw(random, CanvasWidth, CanvasHeight, OutputWidth, OutputHeight));
        }

        return new AugmentationSequence(CanvasWidth, CanvasHeight, steps);
    }

    /// <summary>The factor on the signal before the camera (1 without <c>intensity_scale</c>).</summary>
    public static double IntensityScale(ResolvedProperties sample) => Number(sample, "intensity_scale", 1);

    /// <summary>The value added to the recorded image (0 without <c>offset</c>).</summary>
    public static double Offset(ResolvedProperties sample) => Number(sample, "offset", 0);

    /// <summary>
    /// A movie's frames share one field of view and one truth, so they cannot be augmented sample by sample:
    /// any augmentation in a recipe with dynamics is an error located at its field.
    /// </summary>
    public void RejectInMovie()
    {
        if (!IsEmpty)
        {
            var key = _fields.Keys.First();
            var field = Geometric.FirstOrDefault(g => key == g || key.StartsWith(g + ".", StringComparison.Ordinal)) ?? key;
            throw RecipeErrors.At(_recipe, $"augmentations.{key}", $"augmentations.{field} cannot be applied to a movie: its frames share one field of view and one truth; remove the augmentations section");
        }
    }

    private static double Number(ResolvedProperties sample, string field, double fallback) =>
        sample.TryGet($"augmentations.{field}", out var value) ? value.Number : fallback;

    private bool IsOn(string field) => _fields.TryGetValue(field, out var spec) && spec is ConstantSpec { Value.Boolean: true };

    /// <summary>A crop size, which <see cref="RecipeValidator"/> has checked is a constant that fits the image.</summary>
    private int Size(string field) => (int)((ConstantSpec)_fields[field]).Value.Number;
}
