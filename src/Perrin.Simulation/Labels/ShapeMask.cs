using System.Buffers;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// A segmentation mask at image resolution, one channel, for counting and segmenting cells: an extended body
/// (sphere, ellipse, ellipsoid, cell; <see cref="TruthShapes"/>) marks the pixels its outline covers by at least
/// half (<see cref="IShape.AddCoverage"/> ≥ ½); any other particle marks the pixels whose centre lies within
/// <see cref="PointRadiusPixels"/> of it (its own RadiusNm in pixels for a Mie sphere). Binary marks are 1; with
/// <see cref="Instances"/> each particle writes its track id + 1 (its index + 1 when untracked), and a pixel
/// claimed by several keeps the first. Background is 0.
/// </summary>
public sealed class ShapeMask : ILabel
{
    /// <summary>Instance values are ids + 1 in floats, exact only up to 2²⁴.</summary>
    private const int MaxInstance = 1 << 24;

    public ShapeMask(double pointRadiusPixels, double pixelSizeNm)
    {
        if (!double.IsFinite(pointRadiusPixels) || pointRadiusPixels < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pointRadiusPixels), pointRadiusPixels, "the radius must be a finite number of pixels, 0 or more");
        }

        if (!(double.IsFinite(pixelSizeNm) && pixelSizeNm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSizeNm), pixelSizeNm, "the pixel size must be a positive number of nanometres");
        }

        PointRadiusPixels = pointRadiusPixels;
        PixelSizeNm = pixelSizeNm;
    }

    public string Name => LabelNames.Mask;

    public int Channels => 1;

    public double PointRadiusPixels { get; }

    public double PixelSizeNm { get; }

    /// <summary>Whether each particle writes its own id + 1 instead of 1.</summary>
    public bool Instances { get; init; }

    /// <summary>Whether particles that are off count too.</summary>
    public bool IncludeOff { get; init; }

    public (int Width, int Height) OutputSize(int width, int height) => LabelGrid.Scaled(width, height, 1, Channels);

    public void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        LabelGrid.Prepare(this, width, height, destination);
        var plane = destination[..(width * height)];
        float[]? coverage = null;
        try
        {
            for (var i = 0; i < truth.Length; i++)
            {
                ref readonly var p = ref truth[i];
                if (!LabelGrid.Counts(p, IncludeOff))
                {
                    continue;
                }

                var id = p.TrackId >= 0 ? (long)p.TrackId + 1 : i + 1L;
                if (Instances && id > MaxInstance)
                {
                    throw new ArgumentException($"an instance mask numbers ids up to {MaxInstance} exactly; particle {i} has id {id - 1}", nameof(truth));
                }

                var value = Instances ? id : 1;
                if (TruthShapes.IsExtended(p.Kind))
                {
                    coverage ??= ArrayPool<float>.Shared.Rent(width * height);
                    MarkBody(TruthShapes.For(p, PixelSizeNm), value, width, height, coverage.AsSpan(0, width * height), plane);
                }
                else
                {
                    var r = p.Kind == ScattererKind.MieSphere && p.RadiusNm > 0 ? p.RadiusNm / PixelSizeNm : PointRadiusPixels;
                    MarkDisk(p, r, value, width, height, plane);
                }
            }
        }
        finally
        {
            if (coverage is not null)
            {
                ArrayPool<float>.Shared.Return(coverage);
            }
        }
    }

    private static void MarkBody(SolidShape body, float value, int width, int height, Span<float> coverage, Span<float> plane)
    {
        var (x0, y0, x1, y1) = body.PixelBounds;
        x0 = Math.Max(x0, 0);
        y0 = Math.Max(y0, 0);
        x1 = Math.Min(x1, width - 1);
        y1 = Math.Min(y1, height - 1);
        if (x0 > x1 || y0 > y1)
        {
            return;
        }

        for (var row = y0; row <= y1; row++)
        {
            coverage.Slice((row * width) + x0, x1 - x0 + 1).Clear();
        }

        body.AddCoverage(coverage, width, height, 1);
        for (var row = y0; row <= y1; row++)
        {
            for (var col = x0; col <= x1; col++)
            {
                var index = (row * width) + col;
                if (coverage[index] >= 0.5f && plane[index] == 0)
                {
                    plane[index] = value;
                }
            }
        }
    }

    private static void MarkDisk(in ParticleTruth p, double r, float value, int width, int height, Span<float> plane)
    {
        if (!LabelGrid.Window(p.X, r, width, out var x0, out var x1) || !LabelGrid.Window(p.Y, r, height, out var y0, out var y1))
        {
            return;
        }

        for (var row = y0; row <= y1; row++)
        {
            var dy = row - p.Y;
            for (var col = x0; col <= x1; col++)
            {
                var dx = col - p.X;
                var index = (row * width) + col;
                if ((dx * dx) + (dy * dy) <= r * r && plane[index] == 0)
                {
                    plane[index] = value;
                }
            }
        }
    }
}
