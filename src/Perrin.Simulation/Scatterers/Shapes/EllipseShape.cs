namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// A flat elliptical plate: the ellipse of semi-axes a (at <see cref="AngleRad"/> from +x towards +y) and b, filled
/// uniformly over z₀ ± ½<see cref="ThicknessNm"/>, so that its slabs, projection and volume (πab × thickness) are
/// well defined like those of any solid.
/// </summary>
public sealed class EllipseShape : SolidShape
{
    public EllipseShape(double xPx, double yPx, double zNm, double semiMajorNm, double semiMinorNm, double angleRad, double thicknessNm, double pixelSizeNm)
        : base(new StarBody(xPx, yPx, zNm, Pixels(semiMajorNm, pixelSizeNm, nameof(semiMajorNm)), Pixels(semiMinorNm, pixelSizeNm, nameof(semiMinorNm)), angleRad, thicknessNm / 2, flat: true, []), pixelSizeNm)
    {
        SemiMajorNm = semiMajorNm;
        SemiMinorNm = semiMinorNm;
        AngleRad = angleRad;
        ThicknessNm = thicknessNm;
    }

    public double SemiMajorNm { get; }

    public double SemiMinorNm { get; }

    public double AngleRad { get; }

    public double ThicknessNm { get; }
}
