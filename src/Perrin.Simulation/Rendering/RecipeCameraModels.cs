using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Perrin.Core.Randomness;
using Perrin.Simulation.Augmentations;
using Perrin.Simulation.Camera;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using MapParameters = (ulong Seed, double MedianReadNoise, double ReadNoiseLogSpread, double OffsetMean, double OffsetSd, double ElectronsPerAdu, double GainSd);

namespace Perrin.Simulation.Rendering;

/// <summary>
/// The camera a recipe asks for. Presets: <c>ideal</c> (also when the recipe has no camera or no preset) is
/// <see cref="CameraModel.Ideal"/>; <c>emccd</c> and <c>smlm-challenge-emccd</c> are <see cref="CameraModel.SmlmChallenge2016Emccd"/>;
/// <c>scmos</c> is <see cref="CameraModel.TypicalScmos"/>; <c>ccd</c> is <see cref="CameraModel.Ccd"/>. The fields
/// quantum_efficiency, read_noise_e, em_gain, adu_per_e (ADU per electron, the inverse of
/// <see cref="CameraModel.ElectronsPerAdu"/>), baseline_adu, bit_depth, full_well_e and dark_e override the preset.
/// <see cref="Sensor"/> adds what stays fixed over a sample or a movie (<see cref="RecipeSensor"/>): it is drawn
/// from the stream (seed, <see cref="RandomStream.Stream"/> of the camera stream, <see cref="SensorPurpose"/>), so
/// every frame recorded with camera streams of the same index (a sample's, or a movie's frames
/// <c>(seed, movie, CameraPurpose).Substream(frame)</c>) shares one background and one fixed pattern.
/// </summary>
public static class RecipeCameraModels
{
    public static readonly ulong SensorPurpose = StablePathHash.Of("perrin.simulation.sensor");

    public static readonly ulong MapsPurpose = StablePathHash.Of("perrin.simulation.scmos-maps");

    private static readonly string[] MapFields = ["seed", "read_noise_sd_e", "read_noise_log_sd", "offset_sd_adu", "gain_sd"];

    private static readonly ConditionalWeakTable<ResolvedProperties, ConcurrentDictionary<(ulong Seed, ulong Stream), RecipeSensor>> Sensors = new();

    private static readonly ConditionalWeakTable<Recipe, ConcurrentDictionary<MapParameters, ScmosPixelMaps>> SensorMaps = new();

    public static CameraModel Preset(string? name) => name switch
    {
        null or "ideal" => CameraModel.Ideal,
        "emccd" or "smlm-challenge-emccd" => CameraModel.SmlmChallenge2016Emccd,
        "scmos" => CameraModel.TypicalScmos,
        "ccd" => CameraModel.Ccd,
        _ => throw new ArgumentException($"unknown camera preset '{name}'", nameof(name)),
    };

    /// <summary>The preset with this sample's field values applied.</summary>
    public static CameraModel For(Recipe recipe, ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(sample);
        var model = Preset(recipe.Camera?.Preset);
        try
        {
            if (sample.TryGet("camera.quantum_efficiency", out var qe))
            {
                model = model with { QuantumEfficiency = qe.Number };
            }

            if (sample.TryGet("camera.read_noise_e", out var read))
            {
                model = model with { ReadNoiseElectrons = read.Number };
            }

            if (sample.TryGet("camera.em_gain", out var gain))
            {
                model = model with { EmGain = gain.Number };
            }

            if (sample.TryGet("camera.adu_per_e", out var aduPerElectron))
            {
                model = model with { ElectronsPerAdu = 1.0 / aduPerElectron.Number };
            }

            if (sample.TryGet("camera.baseline_adu", out var baseline))
            {
                model = model with { BaselineAdu = baseline.Number };
            }

            if (sample.TryGet("camera.full_well_e", out var fullWell))
            {
                model = model with { FullWellElectrons = fullWell.Number };
            }

            if (sample.TryGet("camera.dark_e", out var dark))
            {
                model = model with { DarkElectrons = dark.Number };
            }
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(recipe, "camera", error.Message);
        }

        if (sample.TryGet("camera.bit_depth", out var bits))
        {
            if (bits.Number is < 1 or > 24)
            {
                throw RecipeErrors.At(recipe, "camera.bit_depth", $"camera.bit_depth = {bits.Number}: the simulated camera digitizes with 1 to 24 bits");
            }

            model = model with { BitDepth = (int)bits.Number };
        }

        return model;
    }

    /// <summary>
    /// The constant background photons per pixel the modality's signal holds: <c>camera.background_photons</c>
    /// (0 when the recipe gives none), or 0 when <c>camera.background.kind</c> is gradient or structured, whose
    /// whole background the <see cref="RecipeSensor"/> adds.
    /// </summary>
    public static double BackgroundPhotons(ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.TryGet("camera.background.kind", out var kind) && kind.Text != "constant")
        {
            return 0;
        }

        return sample.TryGet("camera.background_photons", out var value) ? value.Number : 0;
    }

    /// <summary>The sensor of the sample or movie the camera stream belongs to (built once per stream index and kept with the sample).</summary>
    public static RecipeSensor Sensor(Recipe recipe, ResolvedProperties sample, RandomStream camera)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(camera);
        var sensors = Sensors.GetValue(sample, _ => new());
        return sensors.GetOrAdd((camera.Seed, camera.Stream), key => RecipeSensor.Create(recipe, sample, new RandomStream(key.Seed, key.Stream, SensorPurpose)));
    }

    /// <summary>Records expected photons into ADU in place with the sensor of <paramref name="camera"/>'s sample or movie.</summary>
    public static void Record(Recipe recipe, ResolvedProperties sample, Span<float> image, RandomStream camera) =>
        Sensor(recipe, sample, camera).Record(image, camera);

    /// <summary>Size of the images the camera records: the crop's when the recipe crops, else the image's (the sensor is the size of what it records).</summary>
    public static (int Width, int Height) OutputSize(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var plan = new AugmentationPlan(recipe);
        return (plan.OutputWidth, plan.OutputHeight);
    }

    /// <summary>
    /// The recipe's sCMOS maps, or null without <c>camera.scmos_maps</c>: drawn from (scmos_maps.seed or the
    /// recipe's seed, 0, <see cref="MapsPurpose"/>) around the camera's read noise, baseline and gain, the same for
    /// every sample and frame. The map fields must be constants.
    /// </summary>
    internal static ScmosPixelMaps? Maps(Recipe recipe, ResolvedProperties sample, CameraModel model)
    {
        if (recipe.Camera is not { } camera || !camera.Properties.Keys.Any(k => k.StartsWith("scmos_maps.", StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var field in MapFields)
        {
            if (camera.Properties.TryGetValue($"scmos_maps.{field}", out var spec) && spec is not ConstantSpec)
            {
                throw RecipeErrors.At(recipe, $"camera.scmos_maps.{field}", $"camera.scmos_maps.{field} must be a constant: a sensor's maps are drawn once per recipe");
            }
        }

        var parameters = new MapParameters(
            sample.TryGet("camera.scmos_maps.seed", out var seed) ? (ulong)seed.Number : recipe.Seed,
            Number(sample, "camera.scmos_maps.read_noise_sd_e", model.ReadNoiseElectrons),
            Number(sample, "camera.scmos_maps.read_noise_log_sd", 0.35),
            model.BaselineAdu,
            Number(sample, "camera.scmos_maps.offset_sd_adu", 0),
            model.ElectronsPerAdu,
            Number(sample, "camera.scmos_maps.gain_sd", 0));
        return SensorMaps.GetValue(recipe, _ => new()).GetOrAdd(parameters, p => Generate(recipe, p));
    }

    private static ScmosPixelMaps Generate(Recipe recipe, MapParameters p)
    {
        try
        {
            var (width, height) = OutputSize(recipe);
            return ScmosPixelMaps.Generate(
                width,
                height,
                new RandomStream(p.Seed, 0, MapsPurpose),
                p.MedianReadNoise,
                p.ReadNoiseLogSpread,
                p.OffsetMean,
                p.OffsetSd,
                p.ElectronsPerAdu,
                p.GainSd);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(recipe, "camera.scmos_maps", $"camera.scmos_maps: {error.Message}");
        }
    }

    private static double Number(ResolvedProperties sample, string path, double fallback) =>
        sample.TryGet(path, out var value) ? value.Number : fallback;
}
