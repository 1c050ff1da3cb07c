using System.Collections.Concurrent;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// The point spread function a recipe's <c>optics.psf.model</c> names, for one sample:
/// <list type="bullet">
/// <item><c>gaussian</c> (also when no model is given): <see cref="GaussianPsf"/>, integrated exactly over each
/// pixel, of σ = the emitter's own <c>sigma_nm</c>, else <c>optics.psf.sigma_nm</c>, else 0.21 λ/NA; it ignores z;</item>
/// <item><c>airy</c>: the in-focus Airy pattern (<see cref="AiryPsf"/>) over the patch holding
/// <see cref="AiryEnclosedEnergy"/> of its light, tabulated; it ignores z;</item>
/// <item><c>pupil</c>: the scalar pupil PSF (<see cref="PupilPsf"/>) with the <c>optics.psf.zernike</c> terms
/// (recipe amplitudes are radians of RMS phase, converted to nm of wavefront as rad·λ/2π), tabulated every
/// <see cref="DepthStepNm"/> nm over the depths the recipe's first <see cref="DepthProbeSamples"/> samples draw
/// (rounded out to the step, within ±<see cref="DepthReachNm"/> nm; one depth when they all lie at one). The focal
/// plane sits <c>optics.psf.defocus_nm</c> into the sample, so an emitter at z is drawn at depth z − defocus_nm;
/// depths beyond the table use its nearest end.</item>
/// </list>
/// Tables are built once per distinct optics and shared by all samples and threads.
/// </summary>
public sealed class RecipePsfs
{
    public const double DepthReachNm = 2000;
    public const double DepthStepNm = 100;
    public const int DepthProbeSamples = 64;
    public const double AiryEnclosedEnergy = 0.97;
    public const int DefaultMaskZones = 3;

    private readonly Recipe _recipe;
    private readonly ConcurrentDictionary<PupilModel, Lazy<PsfTable>> _pupilTables = new();
    private readonly ConcurrentDictionary<OpticalSystem, Lazy<PsfTable>> _airyTables = new();

    public RecipePsfs(RecipeSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        var recipe = sampler.Recipe;
        _recipe = recipe;
        Model = recipe.Optics.PsfModel ?? "gaussian";
        if (Model is not ("gaussian" or "airy" or "pupil"))
        {
            throw RecipeErrors.At(recipe, "optics.psf.model", $"optics.psf.model '{Model}' is not one of gaussian, airy, pupil");
        }

        foreach (var field in (string[])["mask", "mask_zones", "apodization"])
        {
            if (Model != "pupil" && recipe.Optics.Properties.ContainsKey($"psf.{field}"))
            {
                throw RecipeErrors.At(recipe, $"optics.psf.{field}", $"optics.psf.{field} shapes the pupil; it needs optics.psf.model: pupil, not {Model}");
            }
        }

        if (Model == "pupil")
        {
            PupilTableOptions = ProbeDepths(sampler);
        }
    }

    /// <summary>gaussian, airy or pupil.</summary>
    public string Model { get; }

    /// <summary>The PSF of the sample's emitters when it is the same for all of them, or null when it is per emitter.</summary>
    public IPsf? Shared(ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var system = System(sample);
        switch (Model)
        {
            case "airy":
                return _airyTables.GetOrAdd(system, s => new Lazy<PsfTable>(() =>
                {
                    var airy = AiryPsf.FromSystem(s, AiryEnclosedEnergy);
                    return PsfTableCache.GetOrBuild(airy, PsfTableOptions.AtDepth(0) with { PatchSize = (2 * airy.PatchRadius) + 1, OffsetsPerPixel = 8 });
                })).Value;
            case "pupil":
                var model = Pupil(_recipe, sample, system);
                return _pupilTables.GetOrAdd(model, m => new Lazy<PsfTable>(() =>
                    PsfTableCache.GetOrBuild(new PupilPsf(m), PupilTableOptions!))).Value;
            default:
                return null;
        }
    }

    /// <summary>Options of the pupil PSF's tables (null for the other models).</summary>
    public PsfTableOptions? PupilTableOptions { get; }

    /// <summary>The Gaussian of one emitter (model gaussian).</summary>
    public GaussianPsf Gaussian(ResolvedProperties sample, ResolvedGroup group, int copy)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(group);
        double sigmaNm;
        if (group.Has("sigma_nm"))
        {
            sigmaNm = group.Number(copy, "sigma_nm");
        }
        else if (sample.TryGet("optics.psf.sigma_nm", out var shared))
        {
            sigmaNm = shared.Number;
        }
        else
        {
            return GaussianPsf.FromSystem(System(sample));
        }

        var pixel = sample.Number("optics.pixel_size_nm");
        try
        {
            return new GaussianPsf(sigmaNm / pixel);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(_recipe, group.Has("sigma_nm") ? $"{group.Prefix}.sigma_nm" : "optics.psf.sigma_nm", error.Message);
        }
    }

    /// <summary>Depth at which the PSF is evaluated for an emitter at z (nm from the focal plane of a zero defocus).</summary>
    public static double Depth(ResolvedProperties sample, double zNm)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.TryGet("optics.psf.defocus_nm", out var defocus) ? zNm - defocus.Number : zNm;
    }

    private static PsfTableOptions ProbeDepths(RecipeSampler sampler)
    {
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        for (var k = 0UL; k < DepthProbeSamples; k++)
        {
            var sample = sampler.Resolve(k);
            for (var f = 0; f < sampler.Recipe.Sample.Count; f++)
            {
                var group = sample.Group($"sample[{f}]");
                for (var i = 0; i < group.Count; i++)
                {
                    var depth = Depth(sample, group.Has("z") ? group.Number(i, "z") : 0);
                    var reach = BodyReach(group, i);
                    low = Math.Min(low, depth - reach);
                    high = Math.Max(high, depth + reach);
                }
            }
        }

        if (!(low <= high))
        {
            return PsfTableOptions.AtDepth(0) with { OffsetsPerPixel = 8 };
        }

        if (low == high)
        {
            return PsfTableOptions.AtDepth(Math.Clamp(low, -DepthReachNm, DepthReachNm)) with { OffsetsPerPixel = 8 };
        }

        low = Math.Clamp(Math.Floor(low / DepthStepNm) * DepthStepNm, -DepthReachNm, DepthReachNm);
        high = Math.Clamp(Math.Ceiling(high / DepthStepNm) * DepthStepNm, -DepthReachNm, DepthReachNm);
        return low == high
            ? PsfTableOptions.AtDepth(low) with { OffsetsPerPixel = 8 }
            : PsfTableOptions.DepthRange(low, high, (int)Math.Round((high - low) / DepthStepNm) + 1) with { OffsetsPerPixel = 8 };
    }

    // Extended bodies reach no farther in z than their largest semi-axis.
    private static double BodyReach(ResolvedGroup group, int copy) => Math.Max(
        group.Has("radius_nm") ? group.Number(copy, "radius_nm") : 0,
        group.Has("axial_radius_nm") ? group.Number(copy, "axial_radius_nm") : 0);

    private OpticalSystem System(ResolvedProperties sample)
    {
        try
        {
            return new OpticalSystem(
                sample.Number("optics.na"),
                sample.Number("optics.wavelength_nm"),
                sample.Number("optics.medium_index"),
                sample.Number("optics.pixel_size_nm"));
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(_recipe, "optics", error.Message);
        }
    }

    /// <summary>
    /// The pupil of a sample's optics: the <c>optics.psf.zernike</c> terms (recipe amplitudes are radians of RMS
    /// phase, converted to nm of wavefront as rad·λ/2π), the <c>mask</c> (<c>double_helix</c>: a
    /// <see cref="SpiralZoneMask"/> of <c>mask_zones</c> zones, default <see cref="DefaultMaskZones"/>) and the
    /// <c>apodization</c>.
    /// </summary>
    public static PupilModel Pupil(Recipe recipe, ResolvedProperties sample, OpticalSystem system)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(system);
        var terms = new List<ZernikeTerm>();
        for (var noll = 1; noll <= Zernike.MaxNoll; noll++)
        {
            if (sample.TryGet($"optics.psf.zernike.{noll}", out var radians) && radians.Number != 0)
            {
                terms.Add(new ZernikeTerm(noll, radians.Number * system.WavelengthNm / (2 * Math.PI)));
            }
        }

        var zones = sample.TryGet("optics.psf.mask_zones", out var z) ? (int)z.Number : DefaultMaskZones;
        return new PupilModel(system)
        {
            Aberrations = terms,
            Mask = RecipeSection.Name(recipe.Optics.Properties, "psf.mask") == "double_helix" ? new SpiralZoneMask(zones) : null,
            Apodization = RecipeSection.Name(recipe.Optics.Properties, "psf.apodization") == "aplanatic" ? Apodization.Aplanatic : Apodization.None,
        };
    }
}
