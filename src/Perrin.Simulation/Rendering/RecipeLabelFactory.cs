using Perrin.Simulation.Labels;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// The label a recipe's <c>labels.form</c> names, with its fields (σ = <c>labels.sigma_px</c>, default
/// <see cref="DefaultSigmaPixels"/>; factor = <c>labels.upsample</c>, default <see cref="DefaultUpsample"/>):
/// <c>positions</c> or no labels section → none (the truth table is the label); <c>mask</c> →
/// <see cref="ShapeMask"/>: the outlines of extended bodies and disks of radius 2σ around point emitters, binary,
/// or numbered by track id + 1 with <c>labels.instances: true</c>; <c>heatmap</c> → <see cref="GaussianHeatmap"/>(σ); <c>density</c> → <see cref="DensityMap"/>(σ);
/// <c>superres</c> → <see cref="SuperResolutionMap"/>(factor); <c>decode</c> → <see cref="DecodeMap"/> with photon
/// and z channels (photons in units of 1000, z in µm); <c>volume</c> → <see cref="ZBinnedVolume"/> of
/// <see cref="VolumeBins"/> slabs over ±<see cref="VolumeReachNm"/> nm at the given factor. With
/// <c>labels.min_contrast</c> (iSCAT only) the label leaves out particles of smaller |contrast|
/// (<see cref="ContrastThresholdLabel"/>).
/// </summary>
public static class RecipeLabelFactory
{
    public const double DefaultSigmaPixels = 1;
    public const int DefaultUpsample = 4;
    public const int VolumeBins = 16;
    public const double VolumeReachNm = 800;

    public static ILabel? Create(Recipe recipe, ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(sample);
        var sigma = sample.TryGet("labels.sigma_px", out var s) ? s.Number : DefaultSigmaPixels;
        var factor = sample.TryGet("labels.upsample", out var u) ? (int)u.Number : DefaultUpsample;
        try
        {
            var label = Form(recipe, sample, sigma, factor);
            if (label is null || !sample.TryGet("labels.min_contrast", out var least))
            {
                return label;
            }

            if (recipe.Optics.Modality != "iscat")
            {
                throw RecipeErrors.At(recipe, "labels.min_contrast",
                    $"labels.min_contrast needs optics.modality: iscat, whose particles have a signed contrast; this recipe's modality is '{recipe.Optics.Modality}'");
            }

            return new ContrastThresholdLabel(label, least.Number);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(recipe, "labels", error.Message);
        }
    }

    private static ILabel? Form(Recipe recipe, ResolvedProperties sample, double sigma, int factor) =>
        recipe.Labels?.Form switch
        {
            null or "positions" => null,
            LabelNames.Mask => new ShapeMask(2 * sigma, sample.Number("optics.pixel_size_nm"))
            {
                Instances = sample.TryGet("labels.instances", out var instances) && instances.Boolean,
            },
            LabelNames.Heatmap => new GaussianHeatmap(sigma),
            LabelNames.Density => new DensityMap(sigma),
            LabelNames.SuperResolution => new SuperResolutionMap(factor),
            LabelNames.Decode => new DecodeMap(includePhotons: true, includeZ: true, photonScale: 1000, zScaleNm: 1000),
            LabelNames.Volume => new ZBinnedVolume(VolumeBins, -VolumeReachNm, VolumeReachNm, factor),
            var other => throw RecipeErrors.At(recipe, "labels.form", $"labels.form '{other}' is not a label Perrin renders"),
        };
}
