using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Every field a recipe may hold, with its kind and range. Lengths are in nm unless the name says otherwise,
/// positions x and y in pixels with (0, 0) at the centre of the first pixel, z in nm from focus.
/// </summary>
public static class RecipeSchema
{
    public const int MaxImageSize = 16384;

    public static IReadOnlyList<string> TopLevelFields { get; } =
        ["recipe", "image", "optics", "sample", "camera", "dynamics", "labels", "augmentations", "seed"];

    public static IReadOnlyList<string> Modalities { get; } = ["fluorescence", "brightfield", "holography", "iscat", "darkfield"];

    public static IReadOnlyList<string> FeatureTypes { get; } = ["point_emitter", "sphere", "mie_sphere", "ellipse", "ellipsoid", "cell"];

    public static IReadOnlyList<string> LabelForms { get; } = ["positions", "mask", "heatmap", "density", "superres", "decode", "volume"];

    public static IReadOnlyList<string> CameraPresets { get; } = ["ideal", "emccd", "scmos", "ccd", "smlm-challenge-emccd"];

    public static SectionSchema Image { get; } = new("image",
    [
        FieldSchema.Integer("width", 1, MaxImageSize, "image width in pixels") with { Required = true },
        FieldSchema.Integer("height", 1, MaxImageSize, "image height in pixels") with { Required = true },
    ]);

    public static SectionSchema Optics { get; } = new("optics",
    [
        FieldSchema.Choice("modality", "imaging modality", [.. Modalities]) with { Required = true },
        FieldSchema.Number("na", ValueRange.Positive, "numerical aperture; at most medium_index") with { Required = true },
        FieldSchema.Number("wavelength_nm", ValueRange.Positive, "emission (or illumination) wavelength in vacuum") with { Required = true },
        FieldSchema.Number("medium_index", ValueRange.Between(1, 4), "refractive index of the immersion medium") with { Required = true },
        FieldSchema.Number("pixel_size_nm", ValueRange.Positive, "pixel size in the sample plane") with { Required = true },
        FieldSchema.Number("illumination_photons", ValueRange.Positive, "illumination photons per pixel (brightfield, holography, darkfield)"),
        FieldSchema.Integer("padding_px", 0, 4096, "pixels simulated on each side of the image against wrap-around (coherent modalities)"),
        FieldSchema.Choice("polarization", "illumination polarization (coherent modalities)", "circular", "x", "y"),
        FieldSchema.Number("slice_nm", ValueRange.Positive, "multislice slab thickness for extended bodies (coherent modalities)"),
        FieldSchema.Group("psf", "point spread function",
            FieldSchema.Choice("model", "PSF model", "gaussian", "airy", "pupil"),
            FieldSchema.Number("sigma_nm", ValueRange.Positive, "standard deviation of a Gaussian PSF"),
            FieldSchema.Number("defocus_nm", ValueRange.Any, "focal plane offset"),
            new FieldSchema("zernike", FieldKind.IndexedNumbers, "pupil aberrations in radians, by Noll index")
            {
                Range = ValueRange.Any,
                KeyRange = ValueRange.Integers(1, 66),
            }),
    ]);

    public static SectionSchema Camera { get; } = new("camera",
    [
        FieldSchema.Choice("preset", "camera model whose defaults the other fields override", [.. CameraPresets]),
        FieldSchema.Number("background_photons", ValueRange.NonNegative, "background photons per pixel per frame"),
        FieldSchema.Number("quantum_efficiency", new ValueRange(0, 1, MinInclusive: false), "fraction of photons detected"),
        FieldSchema.Number("read_noise_e", ValueRange.NonNegative, "read noise standard deviation in electrons"),
        FieldSchema.Number("em_gain", new ValueRange(1, double.PositiveInfinity), "electron-multiplying gain"),
        FieldSchema.Number("adu_per_e", ValueRange.Positive, "conversion gain in counts per electron"),
        FieldSchema.Number("baseline_adu", ValueRange.NonNegative, "offset added to every pixel"),
        FieldSchema.Integer("bit_depth", 1, 32, "digitizer bits"),
        FieldSchema.Number("exposure_ms", ValueRange.Positive, "exposure time per frame"),
    ]);

    public static SectionSchema Dynamics { get; } = new("dynamics",
    [
        FieldSchema.Choice("model", "how particles move between frames", "static", "brownian", "directed"),
        FieldSchema.Integer("frames", 1, 1_000_000, "frames per movie"),
        FieldSchema.Number("frame_interval_ms", ValueRange.Positive, "time between frames"),
        FieldSchema.Number("diffusion_um2_per_s", ValueRange.NonNegative, "diffusion coefficient"),
        FieldSchema.Number("drift_x_um_per_s", ValueRange.Any, "drift along x"),
        FieldSchema.Number("drift_y_um_per_s", ValueRange.Any, "drift along y"),
        FieldSchema.Group("blinking", "emitter photophysics",
            FieldSchema.Number("on_rate_per_s", ValueRange.NonNegative, "off → on switching rate"),
            FieldSchema.Number("off_rate_per_s", ValueRange.NonNegative, "on → off switching rate"),
            FieldSchema.Number("bleach_rate_per_s", ValueRange.NonNegative, "on → bleached rate")),
    ]);

    public static SectionSchema Labels { get; } = new("labels",
    [
        FieldSchema.Choice("form", "what the network learns to output", [.. LabelForms]) with { Required = true },
        FieldSchema.Number("sigma_px", ValueRange.Positive, "width of rendered spots (heatmap, density)"),
        FieldSchema.Integer("upsample", 1, 16, "label grid refinement (superres, decode)"),
    ]);

    public static SectionSchema Augmentations { get; } = new("augmentations",
    [
        FieldSchema.Boolean("flip", "random horizontal and vertical flips"),
        FieldSchema.Boolean("rotate90", "random rotations by multiples of 90°"),
        FieldSchema.Number("intensity_scale", ValueRange.Positive, "factor applied to the image"),
        FieldSchema.Number("offset", ValueRange.Any, "value added to the image"),
    ]);

    /// <summary>The sections other than image and sample, by name.</summary>
    public static IReadOnlyList<SectionSchema> PropertySections { get; } = [Optics, Camera, Dynamics, Labels, Augmentations];

    /// <summary>The fields a feature of the given type accepts (besides <c>feature</c> and <c>count</c>), or null for an unknown type.</summary>
    public static SectionSchema? Feature(string type) => FeatureSchemas.For(type);
}
