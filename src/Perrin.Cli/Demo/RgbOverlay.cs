using Perrin.Core.Imaging;
using Perrin.Core.IO.Png;

namespace Perrin.Cli.Demo;

/// <summary>
/// A gray frame enlarged for the eye, with coloured marks drawn over it. Gray levels are stretched between the
/// 0.5th and 99.5th percentiles so that a few bright spots do not leave everything else black.
/// </summary>
internal sealed class RgbOverlay
{
    private readonly ushort[] _rgb;
    private readonly int _zoom;

    public RgbOverlay(ImageFrame frame, int zoom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zoom, 1);
        _zoom = zoom;
        Width = frame.Width * zoom;
        Height = frame.Height * zoom;
        _rgb = new ushort[Width * Height * 3];
        var sorted = frame.Pixels.ToArray().Where(float.IsFinite).Order().ToArray();
        var lo = sorted.Length == 0 ? 0 : sorted[(int)(0.005 * (sorted.Length - 1))];
        var hi = sorted.Length == 0 ? 1 : sorted[(int)(0.995 * (sorted.Length - 1))];
        var scale = hi > lo ? 255.0 / (hi - lo) : 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var v = frame[y / zoom, x / zoom];
                var g = (ushort)Math.Clamp(Math.Round((v - lo) * scale), 0, 255);
                Set(x, y, g, g, g);
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Draws a circle around (x, y), given in frame pixels with (0, 0) at the centre of the first pixel.</summary>
    public void Ring(double x, double y, double radius, byte red, byte green, byte blue)
    {
        var (cx, cy, r) = (((x + 0.5) * _zoom) - 0.5, ((y + 0.5) * _zoom) - 0.5, radius * _zoom);
        var steps = (int)Math.Ceiling(2 * Math.PI * r * 2);
        for (var i = 0; i < steps; i++)
        {
            var angle = 2 * Math.PI * i / steps;
            var px = (int)Math.Round(cx + (r * Math.Cos(angle)));
            var py = (int)Math.Round(cy + (r * Math.Sin(angle)));
            if (px >= 0 && py >= 0 && px < Width && py < Height)
            {
                Set(px, py, red, green, blue);
            }
        }
    }

    public PngImage ToImage() => new(Width, Height, PngColor.Rgb, 8, _rgb);

    private void Set(int x, int y, ushort red, ushort green, ushort blue)
    {
        var i = 3 * ((y * Width) + x);
        (_rgb[i], _rgb[i + 1], _rgb[i + 2]) = (red, green, blue);
    }
}
