using System.Globalization;
using Perrin.Core.IO.Png;

namespace Perrin.Analysis.Plots;

/// <summary>
/// A white 8-bit RGB image that plots draw their lines into, anti-aliased by how far each pixel centre lies from
/// the line; text is left out (a raster has no font), so a picture keeps its axes, ticks and curves.
/// Colours are <c>#rrggbb</c>, <c>black</c> or <c>white</c>.
/// </summary>
public sealed class RasterCanvas : IPlotCanvas
{
    public const int MaxSide = 8192;

    private readonly byte[] _rgb;
    private readonly int _width;
    private readonly int _height;

    public RasterCanvas(int width, int height)
    {
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a raster plot is 1 to {MaxSide} pixels on each side, not {width}×{height}");
        }

        (_width, _height) = (width, height);
        _rgb = new byte[width * height * 3];
        Array.Fill(_rgb, (byte)255);
    }

    public double Width => _width;

    public double Height => _height;

    /// <summary>The colour of pixel (x, y).</summary>
    public (byte Red, byte Green, byte Blue) this[int x, int y]
    {
        get
        {
            var i = 3 * ((y * _width) + x);
            return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? cssClass = null) =>
        Segment(x1, y1, x2, y2, Colour(stroke), strokeWidth, 1);

    public void Polyline(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string stroke, double strokeWidth = 1, double opacity = 1, string? cssClass = null)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x and y must have the same length ({x.Length}, {y.Length})", nameof(y));
        }

        var colour = Colour(stroke);
        var previous = -1;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                continue;
            }

            if (previous >= 0)
            {
                Segment(x[previous], y[previous], x[i], y[i], colour, strokeWidth, Math.Clamp(opacity, 0, 1));
            }

            previous = i;
        }
    }

    public void Text(double x, double y, string text, double fontSize = 12, TextAnchor anchor = TextAnchor.Middle, double rotateDegrees = 0, string? cssClass = null)
    {
    }

    public PngImage ToImage() => new(_width, _height, PngColor.Rgb, 8, [.. _rgb.Select(b => (ushort)b)]);

    /// <summary>Writes the image as a PNG, atomically.</summary>
    public void Save(string path) => PngWriter.Write(path, ToImage());

    /// <summary>Blends the colour into every pixel whose centre lies within half the width (plus a pixel of fade) of the segment.</summary>
    private void Segment(double x1, double y1, double x2, double y2, (byte R, byte G, byte B) colour, double width, double opacity)
    {
        if (!double.IsFinite(x1) || !double.IsFinite(y1) || !double.IsFinite(x2) || !double.IsFinite(y2))
        {
            return;
        }

        var half = Math.Max(width, 1) / 2;
        var reach = half + 1;
        var left = (int)Math.Max(0, Math.Floor(Math.Min(x1, x2) - reach));
        var right = (int)Math.Min(_width - 1, Math.Ceiling(Math.Max(x1, x2) + reach));
        var top = (int)Math.Max(0, Math.Floor(Math.Min(y1, y2) - reach));
        var bottom = (int)Math.Min(_height - 1, Math.Ceiling(Math.Max(y1, y2) + reach));
        for (var py = top; py <= bottom; py++)
        {
            for (var px = left; px <= right; px++)
            {
                var coverage = Math.Clamp(half + 0.5 - Distance(px + 0.5, py + 0.5, x1, y1, x2, y2), 0, 1) * opacity;
                if (coverage > 0)
                {
                    Blend(3 * ((py * _width) + px), colour, coverage);
                }
            }
        }
    }

    private void Blend(int i, (byte R, byte G, byte B) colour, double alpha)
    {
        _rgb[i] = (byte)Math.Round(_rgb[i] + (alpha * (colour.R - _rgb[i])));
        _rgb[i + 1] = (byte)Math.Round(_rgb[i + 1] + (alpha * (colour.G - _rgb[i + 1])));
        _rgb[i + 2] = (byte)Math.Round(_rgb[i + 2] + (alpha * (colour.B - _rgb[i + 2])));
    }

    private static double Distance(double px, double py, double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1;
        var length2 = (dx * dx) + (dy * dy);
        var t = length2 > 0 ? Math.Clamp((((px - x1) * dx) + ((py - y1) * dy)) / length2, 0, 1) : 0;
        double ex = px - (x1 + (t * dx)), ey = py - (y1 + (t * dy));
        return Math.Sqrt((ex * ex) + (ey * ey));
    }

    private static (byte R, byte G, byte B) Colour(string text) => text switch
    {
        "black" => (0, 0, 0),
        "white" => (255, 255, 255),
        ['#', _, _, _, _, _, _] when int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb) =>
            ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb),
        _ => throw new ArgumentException($"colour '{text}': expected #rrggbb, black or white", nameof(text)),
    };
}
