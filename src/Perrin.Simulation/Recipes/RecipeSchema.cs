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
        ["recipe", "image", "optics", "sample", "camera", "dynamics", "labels", "augmentations", "training", "seed"];

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
            FieldSchema.Choice("model", "PSF model", "gaussian", "airy", "pupil", "sinc"),
            FieldSchema.Number("sigma_nm", ValueRange.Positive, "standard deviation of a Gaussian PSF"),
            FieldSchema.Number("defocus_nm", ValueRange.Any, "focal plane offset"),
            new FieldSchema("zernike", FieldKind.IndexedNumbers, "pupil aberrations in radians, by Noll index")
            {
                Range = ValueRange.Any,
                KeyRange = ValueRange.Integers(1, 66),
            },
            FieldSchema.Choice("mask", "pupil phase mask for 3D PSF engineering (pupil model)", "none", "double_helix"),
            FieldSchema.Integer("mask_zones", 1, 64, "Fresnel zones of the double-helix (spiral-zone) mask; more zones, slower rotation with z"),
            FieldSchema.Choice("apodization", "amplitude across the pupil (pupil model)", "none", "aplanatic")),
        FieldSchema.Number("reference_photons", ValueRange.Positive, "iscat: photons per pixel of the reference light"),
        FieldSchema.Number("reference_reflectivity", new ValueRange(0, 1, MinInclusive: false), "iscat: field reflectivity of the coverslip; default from Fresnel"),
        FieldSchema.Number("substrate_index", ValueRange.Between(1, 4), "iscat: refractive index of the coverslip, default 1.518"),
        FieldSchema.Number("sample_index", ValueRange.Between(1, 4), "iscat: refractive index around the particles, default 1.333"),
        FieldSchema.Number("speckle_rms_nm", ValueRange.NonNegative, "iscat: rms height of the coverslip roughness; 0 = flat"),
        FieldSchema.Number("speckle_correlation_nm", ValueRange.Positive, "iscat: correlation length of the coverslip roughness"),
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
        FieldSchema.Number("full_well_e", ValueRange.Positive, "largest charge a pixel holds, in electrons"),
        FieldSchema.Number("dark_e", ValueRange.NonNegative, "dark and clock-induced electrons per pixel per frame"),
        FieldSchema.Group("background", "shape of the background; its level is background_photons",
            FieldSchema.Choice("kind", "constant, a linear ramp, or a smooth random field", "constant", "gradient", "structured"),
            FieldSchema.Number("slope_x", ValueRange.Any, "gradient: photons per pixel step along x"),
            FieldSchema.Number("slope_y", ValueRange.Any, "gradient: photons per pixel step along y"),
            FieldSchema.Number("amplitude_photons", ValueRange.NonNegative, "structured: standard deviation around the level"),
            FieldSchema.Number("correlation_px", ValueRange.Positive, "structured: correlation length in pixels (default 10)")),
        FieldSchema.Group("scmos_maps", "per-pixel sCMOS read noise, offset and gain, drawn once per recipe",
            FieldSchema.Integer("seed", 0, 9007199254740992, "seed of the sensor's maps (default: the recipe's seed)"),
            FieldSchema.Number("read_noise_sd_e", ValueRange.NonNegative, "median read-noise standard deviation in electrons (default: read_noise_e)"),
            FieldSchema.Number("read_noise_log_sd", ValueRange.NonNegative, "standard deviation of the log of the pixels' read noise"),
            FieldSchema.Number("offset_sd_adu", ValueRange.NonNegative, "spread of the pixel offsets around baseline_adu"),
            FieldSchema.Number("gain_sd", ValueRange.NonNegative, "relative spread of the pixel gains around adu_per_e")),
        FieldSchema.Group("fixed_pattern", "row and column noise, constant over a movie",
            FieldSchema.Number("row_sd_adu", ValueRange.NonNegative, "spread of the row offsets"),
            FieldSchema.Number("column_sd_adu", ValueRange.NonNegative, "spread of the column offsets"),
            FieldSchema.Number("row_gain_sd", ValueRange.NonNegative, "relative spread of the row gains"),
            FieldSchema.Number("column_gain_sd", ValueRange.NonNegative, "relative spread of the column gains")),
    ]);

    public static SectionSchema Dynamics { get; } = new("dynamics",
    [
        FieldSchema.Choice("model", "how particles move between frames", "static", "brownian", "directed", "fbm"),
        FieldSchema.Integer("frames", 1, 1_000_000, "frames per movie"),
        FieldSchema.Number("frame_interval_ms", ValueRange.Positive, "time between frames"),
        FieldSchema.Number("diffusion_um2_per_s", ValueRange.NonNegative, "diffusion coefficient (fbm: K_α in µm²/s^α)"),
        FieldSchema.Number("hurst", new ValueRange(0, 1, MinInclusive: false, MaxInclusive: false), "fbm: Hurst exponent H"),
        FieldSchema.Number("alpha", new ValueRange(0, 2, MinInclusive: false, MaxInclusive: false), "fbm: anomalous exponent α = 2H"),
        FieldSchema.Boolean("axial", "particles also move in z"),
        FieldSchema.Number("z_range_nm", ValueRange.Positive, "thickness of the z slab centred on focus (moves in z)"),
        FieldSchema.Integer("exposure_substeps", 1, 1024, "motion blur: positions averaged over the exposure"),
        FieldSchema.Group("confinement", "what keeps a particle in place (brownian, directed)",
            FieldSchema.Choice("kind", "reflecting square compartments, a reflecting disk around the start, or a harmonic trap", "box", "disk", "trap"),
            FieldSchema.Number("size_um", ValueRange.Positive, "box: side of the compartments"),
            FieldSchema.Number("radius_um", ValueRange.Positive, "disk: radius"),
            FieldSchema.Number("stiffness_per_s", ValueRange.Positive, "trap: stiffness over friction, κ/γ; variance per axis D/(κ/γ)")),
        FieldSchema.Group("brightness", "photons per frame of a fully-on emitter around its mean",
            FieldSchema.Choice("distribution", "frame-to-frame distribution", "constant", "gamma", "log_normal"),
            FieldSchema.Number("cv", new ValueRange(0, 100, MinInclusive: false), "coefficient of variation (sd / mean)")),
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
        FieldSchema.Boolean("instances", "mask: each particle marked with its track id + 1 instead of 1"),
        FieldSchema.Number("min_contrast", ValueRange.NonNegative, "iSCAT: particles whose |signed peak contrast| is below this stay in the image but not in the label"),
    ]);

    public static SectionSchema Augmentations { get; } = new("augmentations",
    [
        FieldSchema.Boolean("flip", "random horizontal and vertical flips, each with probability 1/2"),
        FieldSchema.Boolean("rotate90", "random rotations by 0, 1, 2 or 3 quarter turns (square images)"),
        FieldSchema.Group("affine", "affine warp about the image centre, cubic interpolation, clamped to the edge",
            FieldSchema.Number("rotation_deg", ValueRange.Any, "rotation from +x towards +y (clockwise on screen)"),
            FieldSchema.Number("scale", ValueRange.Positive, "isotropic magnification"),
            FieldSchema.Number("scale_x", ValueRange.Positive, "further magnification along x"),
            FieldSchema.Number("scale_y", ValueRange.Positive, "further magnification along y"),
            FieldSchema.Number("shear", ValueRange.Any, "shear factor: x gains shear·y before the scale and rotation"),
            FieldSchema.Number("translate_x_px", ValueRange.Any, "shift along x in pixels"),
            FieldSchema.Number("translate_y_px", ValueRange.Any, "shift along y in pixels")),
        FieldSchema.Group("elastic", "smooth random deformation (Simard et al. 2003)",
            FieldSchema.Number("alpha_px", ValueRange.NonNegative, "amplitude of the smoothed uniform noise, in pixels"),
            FieldSchema.Number("sigma_px", new ValueRange(0, 1000, MinInclusive: false), "Gaussian smoothing of the displacement, in pixels")),
        FieldSchema.Group("crop", "random window of the rendered image, which becomes the output",
            FieldSchema.Integer("width", 1, MaxImageSize, "output width in pixels (constant)"),
            FieldSchema.Integer("height", 1, MaxImageSize, "output height in pixels (constant)")),
        FieldSchema.Number("intensity_scale", ValueRange.Positive, "factor applied to the signal (and the truth's photons) before the camera"),
        FieldSchema.Number("offset", ValueRange.Any, "value added to the recorded image, in ADU"),
    ]);

    /// <summary>
    /// How `perrin train` trains a network on the recipe. Plain constants only: these are settings of one run,
    /// not properties drawn per image.
    /// </summary>
    public static SectionSchema Training { get; } = new("training",
    [
        FieldSchema.Choice("model", "network: a U-Net from images to label images, or a CNN regressor", "unet", "cnn"),
        FieldSchema.IntegerList("levels", 1, 4096, "U-Net channels per level, 1 to 8 levels (the bottleneck has twice the last)"),
        FieldSchema.AnyName("loss", "loss function by name: auto (bce for masks, mse otherwise), bce, mse, l1, …"),
        FieldSchema.Integer("epochs", 1, 100_000, "epochs"),
        FieldSchema.Integer("steps", 1, 10_000_000, "training steps (batches) per epoch"),
        FieldSchema.Integer("batch", 1, 4096, "images per batch"),
        FieldSchema.Number("lr", new ValueRange(0, 10, MinInclusive: false, MaxInclusive: false), "Adam learning rate"),
        FieldSchema.Choice("schedule", "learning rate per epoch: constant, or a cosine from lr to 0 over the epochs", "constant", "cosine"),
        FieldSchema.Integer("warmup_steps", 0, 1_000_000_000, "steps over which the rate rises linearly to the schedule's"),
        FieldSchema.Integer("validation_batches", 0, 10_000, "fixed validation batches, drawn once"),
        FieldSchema.Number("clip_norm", ValueRange.Positive, "clip the global gradient norm to this"),
        FieldSchema.Integer("patience", 1, 100_000, "stop after this many epochs without a better validation loss"),
        FieldSchema.Integer("pool", 1, 1_000_000, "replay pool: simulated samples kept and drawn from, with random flips and transposes"),
        FieldSchema.Integer("refresh", 0, 1_000_000, "replay pool: samples replaced by newly simulated ones before each step"),
    ]);

    /// <summary>The sections other than image and sample, by name.</summary>
    public static IReadOnlyList<SectionSchema> PropertySections { get; } = [Optics, Camera, Dynamics, Labels, Augmentations];

    /// <summary>The fields a feature of the given type accepts (besides <c>feature</c> and <c>count</c>), or null for an unknown type.</summary>
    public static SectionSchema? Feature(string type) => FeatureSchemas.For(type);
}
