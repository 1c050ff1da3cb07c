namespace Perrin.Simulation.Augmentations;

/// <summary>
/// An affine map of pixel coordinates, p' = A·p + t, under the pixel-centre convention ((0, 0) at the centre of
/// the first pixel, x along columns, y along rows).
/// </summary>
public readonly record struct PixelAffine(Matrix2 Linear, double Tx, double Ty)
{
    public static PixelAffine Identity { get; } = new(Matrix2.Identity, 0, 0);

    /// <summary>
    /// The map A = R(rotation)·diag(scaleX, scaleY)·[[1, shear], [0, 1]] about the centre of a width × height image
    /// ((W − 1)/2, (H − 1)/2), followed by a translation in pixels: p' = c + A·(p − c) + t. The rotation turns +x
    /// towards +y (clockwise on screen), like <see cref="Truth.ParticleTruth.AngleRad"/>.
    /// </summary>
    public static PixelAffine AboutCentre(int width, int height, double rotationRad, double scaleX, double scaleY, double shear, double translateX, double translateY)
    {
        var linear = Matrix2.Rotation(rotationRad) * new Matrix2(scaleX, 0, 0, scaleY) * new Matrix2(1, shear, 0, 1);
        double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
        var (ax, ay) = linear.Apply(cx, cy);
        return new(linear, cx - ax + translateX, cy - ay + translateY);
    }

    public (double X, double Y) Apply(double x, double y)
    {
        var (ax, ay) = Linear.Apply(x, y);
        return (ax + Tx, ay + Ty);
    }

    public PixelAffine Inverse()
    {
        var inverse = Linear.Inverse();
        var (x, y) = inverse.Apply(Tx, Ty);
        return new(inverse, -x, -y);
    }
}
