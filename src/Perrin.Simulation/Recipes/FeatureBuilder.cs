using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>One feature of the sample list; start with <see cref="Feature"/>.</summary>
public sealed class FeatureBuilder : SectionBuilder<FeatureBuilder>
{
    private PropertySpec _count = 1.0;

    internal FeatureBuilder(string type) => Type = type;

    public string Type { get; }

    /// <summary>How many copies: a number, a distribution, an expression or <see cref="Density.PerUm2"/>.</summary>
    public FeatureBuilder Count(PropertySpec count)
    {
        ArgumentNullException.ThrowIfNull(count);
        _count = count;
        return this;
    }

    public FeatureBuilder X(PropertySpec x) => Set("x", x);

    public FeatureBuilder Y(PropertySpec y) => Set("y", y);

    public FeatureBuilder Z(PropertySpec z) => Set("z", z);

    public FeatureBuilder Photons(PropertySpec photons) => Set("photons", photons);

    public FeatureBuilder SigmaNm(PropertySpec sigma) => Set("sigma_nm", sigma);

    public FeatureBuilder Intensity(PropertySpec intensity) => Set("intensity", intensity);

    public FeatureBuilder RadiusNm(PropertySpec radius) => Set("radius_nm", radius);

    public FeatureBuilder MinorRadiusNm(PropertySpec radius) => Set("minor_radius_nm", radius);

    public FeatureBuilder AxialRadiusNm(PropertySpec radius) => Set("axial_radius_nm", radius);

    public FeatureBuilder AngleRad(PropertySpec angle) => Set("angle_rad", angle);

    public FeatureBuilder RefractiveIndex(PropertySpec index) => Set("refractive_index", index);

    /// <summary>iSCAT: phase of the scattered field relative to the reference, in radians.</summary>
    public FeatureBuilder PhaseRad(PropertySpec phase) => Set("phase_rad", phase);

    public RecipeFeature ToFeature() => new(Type, _count, ToMap());
}
