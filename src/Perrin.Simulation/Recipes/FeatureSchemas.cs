using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>The properties of each feature type, drawn from one table so that a property means the same in every type.</summary>
internal static class FeatureSchemas
{
    private static readonly FieldSchema[] Table =
    [
        FieldSchema.Number("x", ValueRange.Any, "column position in pixels, 0 at the centre of the first pixel"),
        FieldSchema.Number("y", ValueRange.Any, "row position in pixels, 0 at the centre of the first pixel"),
        FieldSchema.Number("z", ValueRange.Any, "distance from focus in nm, positive away from the objective"),
        FieldSchema.Number("photons", ValueRange.NonNegative, "expected photons collected per exposure"),
        FieldSchema.Number("sigma_nm", ValueRange.Positive, "width of the emitter's spot, overriding the PSF's"),
        FieldSchema.Number("intensity", ValueRange.Any, "scattering amplitude or intensity relative to the reference"),
        FieldSchema.Number("radius_nm", ValueRange.Positive, "radius; for ellipses and ellipsoids, the semi-major axis"),
        FieldSchema.Number("minor_radius_nm", ValueRange.Positive, "semi-minor axis"),
        FieldSchema.Number("axial_radius_nm", ValueRange.Positive, "semi-axis along z"),
        FieldSchema.Number("angle_rad", ValueRange.Any, "in-plane rotation of the major axis from x"),
        FieldSchema.Number("refractive_index", ValueRange.Positive, "refractive index of the particle"),
        FieldSchema.Number("phase_rad", ValueRange.Any, "iscat: phase of the scattered field relative to the reference"),
        FieldSchema.Number("snr", ValueRange.Positive, "signal-to-noise ratio the recipe defines and derives photons from in an expression; rendering does not read it"),
    ];

    private static readonly Dictionary<string, SectionSchema> Schemas = new(StringComparer.Ordinal)
    {
        ["point_emitter"] = Make("point_emitter", "photons", "sigma_nm", "intensity", "phase_rad", "snr"),
        ["sphere"] = Make("sphere", "radius_nm", "refractive_index", "intensity", "photons"),
        ["mie_sphere"] = Make("mie_sphere", "radius_nm", "refractive_index"),
        ["ellipse"] = Make("ellipse", "radius_nm", "minor_radius_nm", "angle_rad", "intensity", "photons"),
        ["ellipsoid"] = Make("ellipsoid", "radius_nm", "minor_radius_nm", "axial_radius_nm", "angle_rad", "refractive_index", "intensity", "photons"),
        ["cell"] = Make("cell", "radius_nm", "minor_radius_nm", "axial_radius_nm", "angle_rad", "refractive_index", "intensity", "photons"),
    };

    public static SectionSchema? For(string type) => Schemas.GetValueOrDefault(type);

    private static SectionSchema Make(string type, params string[] specific) =>
        new(type, [.. Table.Where(f => f.Name is "x" or "y" or "z" || specific.Contains(f.Name))]);
}
