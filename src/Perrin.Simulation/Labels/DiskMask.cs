using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// Disks around the particles at image resolution, one channel (see <see cref="DiskMaskMode"/>). The radius is
/// <see cref="RadiusPixels"/>, or, when a pixel size is given, each particle's <see cref="ParticleTruth.RadiusNm"/>
/// in pixels where that is a positive number. Particles outside the field still mark the pixels their disk reaches.
/// </summary>
public sealed class DiskMask : ILabel
{
    /// <summary>Instance values are particle indices + 1 in floats, exact only up to 2²⁴.</summary>
    private const int MaxInstances = 1 << 24;

    public DiskMask(double radiusPixels, double pixelSizeNm = double.NaN)
    {
        if (!double.IsFinite(radiusPixels) || radiusPixels < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusPixels), radiusPixels, "the radius must be a finite number of pixels, 0 or more");
        }

        if (!double.IsNaN(pixelSizeNm) && !(double.IsFinite(pixelSizeNm) && pixelSizeNm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSizeNm), pixelSizeNm, "the pixel size must be a positive number of nanometres, or NaN to use the fixed radius");
        }

        RadiusPixels = radiusPixels;
        PixelSizeNm = pixelSizeNm;
    }

    public string Name => LabelNames.Mask;

    public int Channels => 1;

    /// <summary>Radius used for every particle, or for those without a usable RadiusNm when a pixel size is set.</summary>
    public double RadiusPixels { get; }

    /// <summary>Pixel size converting RadiusNm into pixels; NaN to ignore RadiusNm.</summary>
    public double PixelSizeNm { get; }

    public DiskMaskMode Mode { get; init; } = DiskMaskMode.Binary;

    /// <summary>Whether particles that are off count too.</summary>
    public bool IncludeOff { get; init; }

    public (int Width, int Height) OutputSize(int width, int height) => LabelGrid.Scaled(width, height, 1, Channels);

    public void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        LabelGrid.Prepare(this, width, height, destination);
        if (Mode == DiskMaskMode.Instance && truth.Length > MaxInstances)
        {
            throw new ArgumentException($"an instance mask numbers at most {MaxInstances} particles exactly; got {truth.Length}", nameof(truth));
        }

        for (var i = 0; i < truth.Length; i++)
        {
            ref readonly var p = ref truth[i];
            if (!LabelGrid.Counts(p, IncludeOff))
            {
                continue;
            }

            var r = RadiusOf(p);
            var reach = Mode == DiskMaskMode.Coverage ? r + 1 : r;
            if (!LabelGrid.Window(p.X, reach, width, out var x0, out var x1) || !LabelGrid.Window(p.Y, reach, height, out var y0, out var y1))
            {
                continue;
            }

            if (Mode == DiskMaskMode.Coverage)
            {
                Cover(p, r, width, x0, x1, y0, y1, destination);
            }
            else
            {
                Mark(p, r, Mode == DiskMaskMode.Instance ? i + 1 : 1, width, x0, x1, y0, y1, destination);
            }
        }
    }

    private double RadiusOf(in ParticleTruth p) =>
        !double.IsNaN(PixelSizeNm) && double.IsFinite(p.RadiusNm) && p.RadiusNm > 0 ? p.RadiusNm / PixelSizeNm : RadiusPixels;

    private static void Mark(in ParticleTruth p, double r, float value, int width, int x0, int x1, int y0, int y1, Span<float> plane)
    {
        var r2 = r * r;
        for (var row = y0; row <= y1; row++)
        {
            var dy = row - p.Y;
            for (var col = x0; col <= x1; col++)
            {
                var dx = col - p.X;
                var index = (row * width) + col;
                if ((dx * dx) + (dy * dy) <= r2 && plane[index] == 0)
                {
                    plane[index] = value;
                }
            }
        }
    }

    private static void Cover(in ParticleTruth p, double r, int width, int x0, int x1, int y0, int y1, Span<float> plane)
    {
        for (var row = y0; row <= y1; row++)
        {
            var b0 = row - 0.5 - p.Y;
            for (var col = x0; col <= x1; col++)
            {
                var a0 = col - 0.5 - p.X;
                var fraction = (float)DiskPixelArea.Of(a0, a0 + 1, b0, b0 + 1, r);
                var index = (row * width) + col;
                plane[index] = Math.Max(plane[index], fraction);
            }
        }
    }
}
