namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>A uniform solid sphere: the chord through it at distance ρ from its centre is 2√(R² − ρ²).</summary>
public sealed class SphereShape : SolidShape
{
    /// <param name="xPx">Centre column in pixels ((0, 0) at the centre of the first pixel).</param>
    /// <param name="yPx">Centre row in pixels.</param>
    /// <param name="zNm">Centre depth in nm from focus.</param>
    /// <param name="radiusNm">Radius in nm.</param>
    /// <param name="pixelSizeNm">Pixel size in nm.</param>
    public SphereShape(double xPx, double yPx, double zNm, double radiusNm, double pixelSizeNm)
        : base(new StarBody(xPx, yPx, zNm, Pixels(radiusNm, pixelSizeNm, nameof(radiusNm)), radiusNm / pixelSizeNm, 0, radiusNm, flat: false, []), pixelSizeNm)
    {
        RadiusNm = radiusNm;
    }

    public double RadiusNm { get; }
}
