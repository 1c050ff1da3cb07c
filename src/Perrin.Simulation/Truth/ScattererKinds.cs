namespace Perrin.Simulation.Truth;

/// <summary>Recipe feature names of <see cref="ScattererKind"/>.</summary>
public static class ScattererKinds
{
    public static ScattererKind FromFeature(string feature) => feature switch
    {
        "point_emitter" => ScattererKind.PointEmitter,
        "sphere" => ScattererKind.Sphere,
        "mie_sphere" => ScattererKind.MieSphere,
        "ellipse" => ScattererKind.Ellipse,
        "ellipsoid" => ScattererKind.Ellipsoid,
        "cell" => ScattererKind.Cell,
        _ => throw new ArgumentException($"'{feature}' is not a feature type", nameof(feature)),
    };

    public static string FeatureName(this ScattererKind kind) => kind switch
    {
        ScattererKind.PointEmitter => "point_emitter",
        ScattererKind.Sphere => "sphere",
        ScattererKind.MieSphere => "mie_sphere",
        ScattererKind.Ellipse => "ellipse",
        ScattererKind.Ellipsoid => "ellipsoid",
        ScattererKind.Cell => "cell",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scatterer kind"),
    };
}
