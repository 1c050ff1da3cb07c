using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Optics;

/// <summary>
/// The in-focus diffraction pattern of a circular pupil (paraxial scalar model). Field amplitude
/// a(r) = √(k²/4π)·2J₁(v)/v and intensity I(r) = a(r)² = (k²/4π)·[2J₁(v)/v]², with v = k·r and
/// k = 2π·NA·pixel/λ (radians per pixel), so that I integrates to 1 over the plane (in pixel² units).
/// Pixels are integrated with a Gauss–Legendre rule of at least 8×8 nodes. Only pixels within
/// <see cref="PatchRadius"/> of the point are drawn, which loses about 2/(π·k·PatchRadius) of the light. It ignores z.
/// </summary>
public sealed record AiryPsf : IPsf, ICoherentPsf
{
    private const int MaxPatchRadius = 4096;

    public AiryPsf(OpticalSystem system, int patchRadius)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (patchRadius < 0 || patchRadius > MaxPatchRadius)
        {
            throw new ArgumentException($"The patch radius must be between 0 and {MaxPatchRadius} pixels, got {patchRadius}.", nameof(patchRadius));
        }

        System = system;
        PatchRadius = patchRadius;
        RadiansPerPixel = 2 * Math.PI * system.NumericalAperture * system.PixelSizeNm / system.WavelengthNm;

        // The integrand oscillates with period ≈ π/k pixels; more nodes keep each pixel's rule exact enough.
        QuadratureOrder = Math.Clamp((int)Math.Ceiling(3 * RadiansPerPixel) + 2, 8, 48);
    }

    public OpticalSystem System { get; }

    public int PatchRadius { get; }

    /// <summary>k = 2π·NA·pixel/λ: the optical coordinate v per pixel of distance.</summary>
    public double RadiansPerPixel { get; }

    private int QuadratureOrder { get; }

    /// <summary>Draws enough pixels to hold <paramref name="enclosedEnergy"/> of the light (asymptotic Airy tail).</summary>
    public static AiryPsf FromSystem(OpticalSystem system, double enclosedEnergy = 0.99)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!(enclosedEnergy > 0.5 && enclosedEnergy < 0.9999))
        {
            throw new ArgumentException($"The enclosed energy must be between 0.5 and 0.9999, got {enclosedEnergy}.", nameof(enclosedEnergy));
        }

        double k = 2 * Math.PI * system.NumericalAperture * system.PixelSizeNm / system.WavelengthNm;
        double v = 2.0 / (Math.PI * (1.0 - enclosedEnergy));
        return new AiryPsf(system, (int)Math.Min(MaxPatchRadius, Math.Ceiling(v / k)));
    }

    /// <summary>Intensity per pixel² at distance <paramref name="radiusPixels"/>; integrates to 1 over the plane.</summary>
    public double Intensity(double radiusPixels)
    {
        double a = Field(radiusPixels);
        return a * a;
    }

    /// <summary>Signed field amplitude at distance <paramref name="radiusPixels"/>; its square is <see cref="Intensity"/>.</summary>
    public double Field(double radiusPixels)
    {
        double k = RadiansPerPixel;
        double v = k * Math.Abs(radiusPixels);
        double shape = v < 1e-8 ? 1.0 : 2.0 * Bessel.J1(v) / v;
        return k / (2.0 * Math.Sqrt(Math.PI)) * shape;
    }

    public void AddPoint(Span<float> image, int width, int height, double x, double y, double z, double weight)
    {
        ImageWindow.RequireImage(image.Length, width, height);
        var window = WindowAround(x, y, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        double[] values = PixelIntegrals(x, y, window, squared: true);
        int columns = window.EndColumn - window.FirstColumn;
        for (int row = window.FirstRow, i = 0; row < window.EndRow; row++)
        {
            Span<float> line = image.Slice((row * width) + window.FirstColumn, columns);
            for (int c = 0; c < columns; c++, i++)
            {
                line[c] += (float)(weight * values[i]);
            }
        }
    }

    public void AddPointField(Span<Complex> field, int width, int height, double x, double y, double z, Complex amplitude)
    {
        ImageWindow.RequireImage(field.Length, width, height);
        var window = WindowAround(x, y, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        double[] values = PixelIntegrals(x, y, window, squared: false);
        int columns = window.EndColumn - window.FirstColumn;
        for (int row = window.FirstRow, i = 0; row < window.EndRow; row++)
        {
            Span<Complex> line = field.Slice((row * width) + window.FirstColumn, columns);
            for (int c = 0; c < columns; c++, i++)
            {
                line[c] += amplitude * values[i];
            }
        }
    }

    private ImageWindow WindowAround(double x, double y, int width, int height)
    {
        long cx = ImageWindow.Nearest(x);
        long cy = ImageWindow.Nearest(y);
        return ImageWindow.Clip(cx - PatchRadius, cy - PatchRadius, (2 * PatchRadius) + 1, width, height);
    }

    // Integral over each pixel of the window (pixel area 1) of the intensity, or of the field when not squared.
    private double[] PixelIntegrals(double x, double y, ImageWindow window, bool squared)
    {
        int columns = window.EndColumn - window.FirstColumn;
        var values = new double[columns * (window.EndRow - window.FirstRow)];
        var rule = GaussLegendre.Get(QuadratureOrder);
        ReadOnlySpan<double> nodes = rule.Nodes;
        ReadOnlySpan<double> weights = rule.Weights;
        for (int row = window.FirstRow, index = 0; row < window.EndRow; row++)
        {
            for (int column = window.FirstColumn; column < window.EndColumn; column++, index++)
            {
                double sum = 0;
                for (int i = 0; i < nodes.Length; i++)
                {
                    double dy = row + (0.5 * nodes[i]) - y;
                    double inner = 0;
                    for (int j = 0; j < nodes.Length; j++)
                    {
                        double dx = column + (0.5 * nodes[j]) - x;
                        double a = Field(Math.Sqrt((dx * dx) + (dy * dy)));
                        inner += weights[j] * (squared ? a * a : a);
                    }

                    sum += weights[i] * inner;
                }

                values[index] = 0.25 * sum;
            }
        }

        return values;
    }
}
