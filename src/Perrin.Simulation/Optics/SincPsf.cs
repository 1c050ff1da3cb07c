using System.Numerics;
using System.Runtime.InteropServices;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Optics;

/// <summary>
/// The analytic iSCAT field model a(r) = A·sin(v)/v with v = k·r and k = 2π·NA·pixel/λ (radians per pixel):
/// the focal-plane cut of the field that a wave converging from every direction forms,
/// sin(k_m·r)/(k_m·r) (the imaginary part of the free-space Green function, Novotny &amp; Hecht, Principles of
/// Nano-Optics, 2nd ed., §8.3), with the medium wavenumber k_m replaced by the aperture's 2π·NA/λ. iSCAT work uses
/// it as a closed-form stand-in for the scalar, in-focus, aberration-free field of a circular pupil,
/// 2J₁(v)/v (<see cref="AiryPsf"/>): same centre, a central lobe 18% narrower (first zero at v = π, i.e.
/// 0.5 λ/NA instead of 0.61 λ/NA) and rings that fall off as 1/v instead of v^(−3/2), which mimics the pronounced
/// rings of measured iSCAT PSFs. It ignores z.
/// Normalization: A = k/(2√π), the centre value of the unit-power Airy field, so a scatterer of amplitude s has
/// the same peak here as with the pupil or Airy field of the same NA. (sin(v)/v has no finite power over the
/// plane, so a power normalization is not available.) Each pixel receives the field averaged over its area
/// (Gauss–Legendre, 8×8 nodes), tabulated once on a grid of <see cref="OffsetsPerPixel"/> sub-pixel offsets per axis
/// and interpolated bilinearly; only pixels within <see cref="PatchRadius"/> of the nearest pixel are drawn.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class SincPsf : ICoherentPsf
{
    private const int MaxPatchRadius = 512;
    private const int QuadratureOrder = 8;
    private readonly float[] _table;

    public SincPsf(OpticalSystem system, int patchRadius, int offsetsPerPixel = 4)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (patchRadius is < 0 or > MaxPatchRadius)
        {
            throw new ArgumentException($"The patch radius must be between 0 and {MaxPatchRadius} pixels, got {patchRadius}.", nameof(patchRadius));
        }

        if (offsetsPerPixel is < 1 or > 32)
        {
            throw new ArgumentException($"The offsets per pixel must be between 1 and 32, got {offsetsPerPixel}.", nameof(offsetsPerPixel));
        }

        System = system;
        PatchRadius = patchRadius;
        OffsetsPerPixel = offsetsPerPixel;
        RadiansPerPixel = 2 * Math.PI * system.NumericalAperture * system.PixelSizeNm / system.WavelengthNm;
        _table = Tabulate();
    }

    public OpticalSystem System { get; }

    public int PatchRadius { get; }

    public int OffsetsPerPixel { get; }

    /// <summary>k = 2π·NA·pixel/λ: the optical coordinate v per pixel of distance.</summary>
    public double RadiansPerPixel { get; }

    private int PatchSize => (2 * PatchRadius) + 1;

    /// <summary>A patch reaching <paramref name="reachNm"/> from the point.</summary>
    public static SincPsf FromSystem(OpticalSystem system, double reachNm, int offsetsPerPixel = 4)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!(reachNm >= 0 && double.IsFinite(reachNm)))
        {
            throw new ArgumentException($"The reach must be a finite length of at least 0 nm, got {reachNm}.", nameof(reachNm));
        }

        return new SincPsf(system, (int)Math.Min(MaxPatchRadius, Math.Ceiling(reachNm / system.PixelSizeNm)), offsetsPerPixel);
    }

    /// <summary>The field A·sin(v)/v at <paramref name="radiusPixels"/> from the point (per pixel, pixel area 1).</summary>
    public double Field(double radiusPixels)
    {
        double v = RadiansPerPixel * Math.Abs(radiusPixels);
        double shape = v < 1e-6 ? 1 - (v * v / 6) : Math.Sin(v) / v;
        return RadiansPerPixel / (2 * Math.Sqrt(Math.PI)) * shape;
    }

    public void AddPointField(Span<Complex> field, int width, int height, double x, double y, double z, Complex amplitude)
    {
        ImageWindow.RequireImage(field.Length, width, height);
        long cx = ImageWindow.Nearest(x);
        long cy = ImageWindow.Nearest(y);
        var window = ImageWindow.Clip(cx - PatchRadius, cy - PatchRadius, PatchSize, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        var grid = new TableGrid(OffsetsPerPixel, [0.0]);
        (int ox, double ax) = grid.Cell(x - cx);
        (int oy, double ay) = grid.Cell(y - cy);
        var corners = grid.Corners(0, ox, oy, ax, ay, 1);
        int size = PatchSize;
        int area = size * size;
        int columns = window.EndColumn - window.FirstColumn;
        int firstPatchColumn = (int)(window.FirstColumn - (cx - PatchRadius));
        Span<double> target = MemoryMarshal.Cast<Complex, double>(field);
        double re = amplitude.Real, im = amplitude.Imaginary;
        for (int row = window.FirstRow; row < window.EndRow; row++)
        {
            int at = ((int)(row - (cy - PatchRadius)) * size) + firstPatchColumn;
            ReadOnlySpan<float> p0 = _table.AsSpan((corners.P00 * area) + at, columns);
            ReadOnlySpan<float> p1 = _table.AsSpan((corners.P01 * area) + at, columns);
            ReadOnlySpan<float> p2 = _table.AsSpan((corners.P10 * area) + at, columns);
            ReadOnlySpan<float> p3 = _table.AsSpan((corners.P11 * area) + at, columns);
            Span<double> line = target.Slice(2 * ((row * width) + window.FirstColumn), 2 * columns);
            for (int c = 0; c < columns; c++)
            {
                double value = (corners.W00 * p0[c]) + (corners.W01 * p1[c]) + (corners.W10 * p2[c]) + (corners.W11 * p3[c]);
                line[2 * c] += re * value;
                line[(2 * c) + 1] += im * value;
            }
        }
    }

    // Patch (oy, ox) holds the pixel averages for a point at offset (−½ + ox/K, −½ + oy/K) from the patch centre.
    private float[] Tabulate()
    {
        int offsets = OffsetsPerPixel + 1;
        int size = PatchSize;
        var table = new float[offsets * offsets * size * size];
        var rule = GaussLegendre.Get(QuadratureOrder);
        double[] nodes = [.. rule.Nodes];
        double[] weights = [.. rule.Weights];
        Parallel.For(0, offsets * offsets, patch =>
        {
            double px = -0.5 + ((double)(patch % offsets) / OffsetsPerPixel);
            double py = -0.5 + ((double)(patch / offsets) / OffsetsPerPixel);
            int start = patch * size * size;
            for (int row = 0; row < size; row++)
            {
                for (int column = 0; column < size; column++)
                {
                    double sum = 0;
                    for (int i = 0; i < nodes.Length; i++)
                    {
                        double dy = row - PatchRadius + (0.5 * nodes[i]) - py;
                        double inner = 0;
                        for (int j = 0; j < nodes.Length; j++)
                        {
                            double dx = column - PatchRadius + (0.5 * nodes[j]) - px;
                            inner += weights[j] * Field(Math.Sqrt((dx * dx) + (dy * dy)));
                        }

                        sum += weights[i] * inner;
                    }

                    table[start + (row * size) + column] = (float)(0.25 * sum);
                }
            }
        });
        return table;
    }
}
