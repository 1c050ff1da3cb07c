using Perrin.Core.Imaging;
using Perrin.Core.IO.Png;

namespace Perrin.Cli.Overlay;

/// <summary>
/// A grey frame enlarged by a whole factor for the eye, with coloured marks drawn over it. Marks are placed in
/// output-pixel coordinates with (0, 0) at the top-left corner of the image, so pixel (i, j) covers [i, i+1) × [j, j+1).
/// Crisp marks snap to the nearest pixel centre and are one pixel wide; anti-aliased ones blend by coverage.
/// </summary>
internal sealed class RgbOverlay
{
    private readonly ushort[] _rgb;

    public RgbOverlay(ImageFrame frame, int zoom, ContrastStretch? contrast = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zoom, 1);
        Zoom = zoom;
        Width = checked(frame.Width * zoom);
        Height = checked(frame.Height * zoom);
        _rgb = new ushort[checked(Width * Height * 3)];
        var (lo, hi) = (contrast ?? ContrastStretch.Auto).LevelsFor(frame);
        var scale = hi > lo ? 255.0 / (hi - lo) : 0;
        for (var y = 0; y < Height; y++)
        {
            var row = frame.Row(y / zoom);
            for (var x = 0; x < Width; x++)
            {
                var v = row[x / zoom];
                var g = float.IsFinite(v) ? (ushort)Math.Clamp(Math.Round((v - lo) * scale), 0, 255) : (ushort)0;
                var i = 3 * ((y * Width) + x);
                (_rgb[i], _rgb[i + 1], _rgb[i + 2]) = (g, g, g);
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    public int Zoom { get; }

    /// <summary>Draws a crisp circle around (x, y), given in frame pixels with (0, 0) at the centre of the first pixel.</summary>
    public void Ring(double x, double y, double radius, byte red, byte green, byte blue) =>
        Circle((x + 0.5) * Zoom, (y + 0.5) * Zoom, radius * Zoom, new Rgb(red, green, blue), antialias: false);

    /// <summary>A one-pixel-wide circle of <paramref name="radius"/> output pixels centred on (cx, cy).</summary>
    public void Circle(double cx, double cy, double radius, Rgb colour, bool antialias)
    {
        if (!antialias)
            (cx, cy) = (Snap(cx), Snap(cy));
        Paint(cx, cy, radius + 1, colour, antialias, (px, py) => Math.Abs(Math.Sqrt((px * px) + (py * py)) - radius));
    }

    /// <summary>A one-pixel-wide "+" whose arms reach <paramref name="halfLength"/> output pixels from (cx, cy).</summary>
    public void Cross(double cx, double cy, double halfLength, Rgb colour, bool antialias)
    {
        if (!antialias)
            (cx, cy) = (Snap(cx), Snap(cy));
        Paint(cx, cy, halfLength + 1, colour, antialias, (px, py) =>
        {
            var alongX = Math.Max(Math.Abs(px) - halfLength, 0);
            var alongY = Math.Max(Math.Abs(py) - halfLength, 0);
            return Math.Min(Math.Sqrt((alongX * alongX) + (py * py)), Math.Sqrt((alongY * alongY) + (px * px)));
        });
    }

    public (byte Red, byte Green, byte Blue) this[int x, int y]
    {
        get
        {
            var i = 3 * ((y * Width) + x);
            return ((byte)_rgb[i], (byte)_rgb[i + 1], (byte)_rgb[i + 2]);
        }
    }

    public PngImage ToImage(IReadOnlyDictionary<string, string>? text = null) =>
        new(Width, Height, PngColor.Rgb, 8, _rgb) { Text = text ?? new Dictionary<string, string>() };

    private static double Snap(double v) => Math.Floor(v) + 0.5;

    /// <summary>
    /// Blends <paramref name="colour"/> into the pixels within <paramref name="reach"/> of the centre, by how far each
    /// pixel centre lies from the mark's centre line (<paramref name="distance"/> of the offset from (cx, cy)).
    /// </summary>
    private void Paint(double cx, double cy, double reach, Rgb colour, bool antialias, Func<double, double, double> distance)
    {
        if (!double.IsFinite(cx) || !double.IsFinite(cy))
            return;
        var x0 = (int)Math.Max(0, Math.Floor(cx - reach));
        var x1 = (int)Math.Min(Width - 1, Math.Ceiling(cx + reach));
        var y0 = (int)Math.Max(0, Math.Floor(cy - reach));
        var y1 = (int)Math.Min(Height - 1, Math.Ceiling(cy + reach));
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var d = distance(x + 0.5 - cx, y + 0.5 - cy);
                var alpha = antialias ? Math.Clamp(1 - d, 0, 1) : (d <= 0.5 ? 1 : 0);
                if (alpha <= 0)
                    continue;
                var i = 3 * ((y * Width) + x);
                _rgb[i] = Blend(_rgb[i], colour.Red, alpha);
                _rgb[i + 1] = Blend(_rgb[i + 1], colour.Green, alpha);
                _rgb[i + 2] = Blend(_rgb[i + 2], colour.Blue, alpha);
            }
        }
    }

    private static ushort Blend(ushort under, byte over, double alpha) => (ushort)Math.Round(under + (alpha * (over - under)));
}
