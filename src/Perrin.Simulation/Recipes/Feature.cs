namespace Perrin.Simulation.Recipes;

/// <summary>Starts a feature for <see cref="RecipeBuilder.Add(FeatureBuilder)"/>.</summary>
public static class Feature
{
    public static FeatureBuilder PointEmitter() => new("point_emitter");

    public static FeatureBuilder Sphere() => new("sphere");

    public static FeatureBuilder MieSphere() => new("mie_sphere");

    public static FeatureBuilder Ellipse() => new("ellipse");

    public static FeatureBuilder Ellipsoid() => new("ellipsoid");

    public static FeatureBuilder Cell() => new("cell");

    public static FeatureBuilder Of(string type) => new(type);
}
