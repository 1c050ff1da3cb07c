namespace Perrin.Simulation.Augmentations;

/// <summary>A 2×2 real matrix acting on column vectors (x, y) in pixels: x' = A11·x + A12·y, y' = A21·x + A22·y.</summary>
public readonly record struct Matrix2(double A11, double A12, double A21, double A22)
{
    public static Matrix2 Identity { get; } = new(1, 0, 0, 1);

    public double Determinant => (A11 * A22) - (A12 * A21);

    /// <summary>Rotation by <paramref name="angleRad"/> from +x towards +y (clockwise on screen, where y points down).</summary>
    public static Matrix2 Rotation(double angleRad)
    {
        var (sin, cos) = Math.SinCos(angleRad);
        return new(cos, -sin, sin, cos);
    }

    public static Matrix2 operator *(Matrix2 a, Matrix2 b) => new(
        (a.A11 * b.A11) + (a.A12 * b.A21),
        (a.A11 * b.A12) + (a.A12 * b.A22),
        (a.A21 * b.A11) + (a.A22 * b.A21),
        (a.A21 * b.A12) + (a.A22 * b.A22));

    public Matrix2 Inverse()
    {
        var det = Determinant;
        if (det == 0 || !double.IsFinite(det))
        {
            throw new InvalidOperationException($"the matrix [[{A11}, {A12}], [{A21}, {A22}]] is not invertible");
        }

        return new(A22 / det, -A12 / det, -A21 / det, A11 / det);
    }

    public (double X, double Y) Apply(double x, double y) => ((A11 * x) + (A12 * y), (A21 * x) + (A22 * y));
}
