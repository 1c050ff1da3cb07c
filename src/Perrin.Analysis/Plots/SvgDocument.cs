using System.Globalization;
using System.Text;
using Perrin.Core.IO;

namespace Perrin.Analysis.Plots;

/// <summary>
/// A minimal SVG 1.1 writer: lines, polylines, rectangles and text on a white page, coordinates in pixels from the
/// top-left corner. Text is escaped, numbers are written with invariant culture, so the output is well-formed XML.
/// </summary>
public sealed class SvgDocument : IPlotCanvas
{
    private readonly StringBuilder _body = new();

    public SvgDocument(double width, double height)
    {
        if (!(width > 0 && height > 0 && width <= 100_000 && height <= 100_000))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"the page must be 0 to 100000 pixels on each side, not {width}×{height}");
        }

        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? cssClass = null) =>
        _body.Append(CultureInfo.InvariantCulture, $"<line{Class(cssClass)} x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{Escape(stroke)}\" stroke-width=\"{N(strokeWidth)}\"/>\n");

    /// <summary>A polyline through the points; non-finite points are left out.</summary>
    public void Polyline(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string stroke, double strokeWidth = 1, double opacity = 1, string? cssClass = null)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x and y must have the same length ({x.Length}, {y.Length})", nameof(y));
        }

        _body.Append(CultureInfo.InvariantCulture, $"<polyline{Class(cssClass)} fill=\"none\" stroke=\"{Escape(stroke)}\" stroke-width=\"{N(strokeWidth)}\" stroke-opacity=\"{N(opacity)}\" stroke-linejoin=\"round\" points=\"");
        var first = true;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                _body.Append(first ? string.Empty : " ").Append(N(x[i])).Append(',').Append(N(y[i]));
                first = false;
            }
        }

        _body.Append("\"/>\n");
    }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, string? cssClass = null)
    {
        var outline = stroke is null ? string.Empty : $" stroke=\"{Escape(stroke)}\" stroke-width=\"1\"";
        _body.Append(CultureInfo.InvariantCulture, $"<rect{Class(cssClass)} x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{Escape(fill)}\"{outline}/>\n");
    }

    /// <param name="rotateDegrees">Rotation about the anchor point (−90 for a vertical axis title).</param>
    public void Text(double x, double y, string text, double fontSize = 12, TextAnchor anchor = TextAnchor.Middle, double rotateDegrees = 0, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anchorName = anchor switch
        {
            TextAnchor.Start => "start",
            TextAnchor.End => "end",
            _ => "middle",
        };
        var rotate = rotateDegrees == 0 ? string.Empty : $" transform=\"rotate({N(rotateDegrees)} {N(x)} {N(y)})\"";
        _body.Append(CultureInfo.InvariantCulture, $"<text{Class(cssClass)} x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(fontSize)}\" text-anchor=\"{anchorName}\"{rotate}>{Escape(text)}</text>\n");
    }

    public string ToXml()
    {
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"Helvetica, Arial, sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        return head + _body + "</svg>\n";
    }

    /// <summary>Writes the document through <see cref="AtomicFileWriter"/>, UTF-8 without a byte order mark.</summary>
    public void Save(string path)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToXml());
        AtomicFileWriter.Write(path, stream => stream.Write(bytes));
    }

    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&apos;"),
                // XML 1.0 forbids most control characters even when escaped.
                < ' ' when c is not ('\t' or '\n' or '\r') => sb.Append(' '),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static string N(double value) => double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    private static string Class(string? cssClass) => cssClass is null ? string.Empty : $" class=\"{Escape(cssClass)}\"";
}
