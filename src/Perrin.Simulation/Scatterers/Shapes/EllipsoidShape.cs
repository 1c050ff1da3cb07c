namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// A uniform solid ellipsoid with semi-axes a (in-plane, at <see cref="AngleRad"/> from +x towards +y), b (in-plane,
/// perpendicular) and c (along z): its chord is 2c√(1 − q) with q the squared normalized in-plane radius.
/// </summary>
public sealed class EllipsoidShape : SolidShape
{
    public EllipsoidShape(double xPx, double yPx, double zNm, double semiMajorNm, double semiMinorNm, double axialNm, double angleRad, double pixelSizeNm)
        : base(new StarBody(xPx, yPx, zNm, Pixels(semiMajorNm, pixelSizeNm, nameof(semiMajorNm)), Pixels(semiMinorNm, pixelSizeNm, nameof(semiMinorNm)), angleRad, axialNm, flat: false, []), pixelSizeNm)
    {
        SemiMajorNm = semiMajorNm;
        SemiMinorNm = semiMinorNm;
        AxialNm = axialNm;
        AngleRad = angleRad;
    }

    public double SemiMajorNm { get; }

    public double SemiMinorNm { get; }

    public double AxialNm { get; }

    public double AngleRad { get; }
}
