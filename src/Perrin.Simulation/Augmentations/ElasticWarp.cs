using Perrin.Core.Randomness;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// An elastic deformation (Simard, Steinkraus and Platt 2003; DeepTrack's ElasticTransformation): output pixel q
/// takes the input's cubic-interpolated value (<see cref="CubicSampler"/>) at g(q) = q + d(q), where d is white noise, uniform on
/// [−1, 1] per pixel and axis, smoothed by a Gaussian of σ = sigma_px and multiplied by α = alpha_px. Between pixel
/// centres d itself is interpolated bilinearly (clamped outside the image), so g is continuous and a particle at p
/// appears at the q with g(q) = p, found by Newton's method from q = p − d(p) to <see cref="TolerancePx"/> within
/// <see cref="MaxIterations"/> steps of at most 1 px (a fixed-point step where I + ∇d is near singular). The shape and photons
/// follow <see cref="TruthGeometry"/> with the local linear map (I + ∇d(q))⁻¹. Where |∇d| reaches 1 the map folds
/// and a particle may appear twice; the truth keeps the solution nearest the start.
/// </summary>
public sealed class ElasticWarp : IImageAugmentation
{
    public const double TolerancePx = 1e-9;
    public const int MaxIterations = 50;

    /// <summary>Longest Newton step, so that a step across a fold cannot throw the search far away.</summary>
    private const double MaxStepPx = 1;

    private readonly float[] _dx;
    private readonly float[] _dy;

    /// <summary>A warp by the given output → input displacements (row-major, width × height each).</summary>
    public ElasticWarp(int width, int height, float[] dx, float[] dy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(dx);
        ArgumentNullException.ThrowIfNull(dy);
        if (dx.Length != (long)width * height || dy.Length != dx.Length)
        {
            throw new ArgumentException($"the displacements must hold {width}×{height} values each", nameof(dx));
        }

        Width = width;
        Height = height;
        _dx = dx;
        _dy = dy;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Draws the noise (all x values, then all y values) and smooths it.</summary>
    public static ElasticWarp Draw(RandomStream random, int width, int height, double alphaPx, double sigmaPx)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(alphaPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaPx);
        var dx = Noise(random, width, height, alphaPx, sigmaPx);
        var dy = Noise(random, width, height, alphaPx, sigmaPx);
        return new ElasticWarp(width, height, dx, dy);
    }

    /// <summary>d at a point, bilinear between pixel centres and clamped outside.</summary>
    public (double X, double Y) Displacement(double x, double y)
    {
        var (dx, dy, _) = Field(x, y);
        return (dx, dy);
    }

    public (int Width, int Height) OutputSize(int width, int height) => (width, height);

    public void Apply(ReadOnlySpan<float> source, int width, int height, Span<float> destination)
    {
        CheckSize(width, height);
        ImageSpans.Check(source, width, height, destination, (long)width * height);
        for (var y = 0; y < height; y++)
        {
            var offset = y * width;
            for (var x = 0; x < width; x++)
            {
                destination[offset + x] = CubicSampler.Sample(source, width, height, x + (double)_dx[offset + x], y + (double)_dy[offset + x]);
            }
        }
    }

    public ParticleTruth Transform(in ParticleTruth particle, int width, int height)
    {
        CheckSize(width, height);
        double px = particle.X, py = particle.Y;
        if (!double.IsFinite(px) || !double.IsFinite(py))
        {
            return particle;
        }

        var (d0x, d0y) = Displacement(px, py);
        double qx = px - d0x, qy = py - d0y;
        var jacobian = Matrix2.Identity;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (dx, dy, gradient) = Field(qx, qy);
            jacobian = new Matrix2(1 + gradient.A11, gradient.A12, gradient.A21, 1 + gradient.A22);
            double rx = qx + dx - px, ry = qy + dy - py;
            if (Math.Abs(rx) <= TolerancePx && Math.Abs(ry) <= TolerancePx)
            {
                break;
            }

            var det = jacobian.Determinant;
            if (Math.Abs(det) > 1e-3)
            {
                var sx = ((jacobian.A22 * rx) - (jacobian.A12 * ry)) / det;
                var sy = ((jacobian.A11 * ry) - (jacobian.A21 * rx)) / det;
                var length = Math.Sqrt((sx * sx) + (sy * sy));
                var damping = length > MaxStepPx ? MaxStepPx / length : 1;
                qx -= sx * damping;
                qy -= sy * damping;
            }
            else
            {
                qx = px - dx;
                qy = py - dy;
            }
        }

        var local = jacobian.Determinant == 0 ? Matrix2.Identity : jacobian.Inverse();
        return TruthGeometry.Map(particle, qx, qy, local);
    }

    private static float[] Noise(RandomStream random, int width, int height, double alpha, double sigma)
    {
        var field = new float[width * height];
        for (var i = 0; i < field.Length; i++)
        {
            field[i] = (float)((2 * random.NextDouble()) - 1);
        }

        GaussianSmoothing.Filter(field, width, height, sigma);
        var scale = (float)alpha;
        for (var i = 0; i < field.Length; i++)
        {
            field[i] *= scale;
        }

        return field;
    }

    private (double Dx, double Dy, Matrix2 Gradient) Field(double x, double y)
    {
        var insideX = x > 0 && x < Width - 1;
        var insideY = y > 0 && y < Height - 1;
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        var x0 = Math.Min((int)x, Math.Max(Width - 2, 0));
        var y0 = Math.Min((int)y, Math.Max(Height - 2, 0));
        var x1 = Math.Min(x0 + 1, Width - 1);
        var y1 = Math.Min(y0 + 1, Height - 1);
        double fx = x - x0, fy = y - y0;
        var (ax, gxx, gxy) = Cell(_dx, x0, x1, y0, y1, fx, fy);
        var (ay, gyx, gyy) = Cell(_dy, x0, x1, y0, y1, fx, fy);
        return (ax, ay, new Matrix2(insideX ? gxx : 0, insideY ? gxy : 0, insideX ? gyx : 0, insideY ? gyy : 0));
    }

    private (double Value, double DdX, double DdY) Cell(float[] field, int x0, int x1, int y0, int y1, double fx, double fy)
    {
        double a = field[(y0 * Width) + x0], b = field[(y0 * Width) + x1];
        double c = field[(y1 * Width) + x0], d = field[(y1 * Width) + x1];
        var top = a + (fx * (b - a));
        var bottom = c + (fx * (d - c));
        return (top + (fy * (bottom - top)), ((1 - fy) * (b - a)) + (fy * (d - c)), bottom - top);
    }

    private void CheckSize(int width, int height)
    {
        if (width != Width || height != Height)
        {
            throw new ArgumentException($"this warp was drawn for {Width}×{Height} images, not {width}×{height}", nameof(width));
        }
    }
}
