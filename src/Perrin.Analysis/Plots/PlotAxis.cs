using System.Globalization;

namespace Perrin.Analysis.Plots;

/// <summary>
/// A linear or logarithmic axis from data values to pixels, with its tick marks. Ranges are widened to round
/// numbers (whole decades for log axes, multiples of 1, 2 or 5 × 10ᵏ for linear ones), so the ends carry labels.
/// </summary>
public sealed class PlotAxis
{
    private const int TargetTicks = 5;

    private PlotAxis(double min, double max, bool logarithmic, double step, double pixelStart, double pixelEnd)
    {
        Min = min;
        Max = max;
        Logarithmic = logarithmic;
        Step = step;
        PixelStart = pixelStart;
        PixelEnd = pixelEnd;
    }

    public double Min { get; }

    public double Max { get; }

    public bool Logarithmic { get; }

    public double PixelStart { get; }

    public double PixelEnd { get; }

    /// <summary>Distance between major ticks: a value for linear axes, decades for log axes.</summary>
    private double Step { get; }

    /// <summary>A linear axis covering [<paramref name="low"/>, <paramref name="high"/>], widened to nice ticks.</summary>
    /// <param name="integerTicks">Ticks only at whole numbers (for counts).</param>
    public static PlotAxis Linear(double low, double high, double pixelStart, double pixelEnd, bool integerTicks = false)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"an axis needs a finite range, not [{low}, {high}]");
        }

        if (high == low)
        {
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - pad, high + pad);
        }

        var raw = (high - low) / TargetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw * 0.999);
        if (integerTicks)
        {
            step = Math.Max(1, Math.Round(step));
        }

        return new PlotAxis(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, false, step, pixelStart, pixelEnd);
    }

    /// <summary>A log axis covering [<paramref name="low"/>, <paramref name="high"/>] (both &gt; 0), widened to whole decades.</summary>
    public static PlotAxis Logarithmic10(double low, double high, double pixelStart, double pixelEnd)
    {
        if (!(low > 0) || !double.IsFinite(high) || high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"a log axis needs 0 < low ≤ high, not [{low}, {high}]");
        }

        var first = Math.Floor(Math.Log10(low) + 1e-9);
        var last = Math.Ceiling(Math.Log10(high) - 1e-9);
        if (last <= first)
        {
            last = first + 1;
        }

        // Label every decade, or every few when there are many, to keep labels apart.
        var step = Math.Max(1, Math.Ceiling((last - first) / 8));
        return new PlotAxis(Math.Pow(10, first), Math.Pow(10, last), true, step, pixelStart, pixelEnd);
    }

    /// <summary>The pixel coordinate of <paramref name="value"/> (NaN for a non-positive value on a log axis).</summary>
    public double Map(double value)
    {
        double fraction;
        if (Logarithmic)
        {
            fraction = value > 0 ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)) : double.NaN;
        }
        else
        {
            fraction = (value - Min) / (Max - Min);
        }

        return PixelStart + (fraction * (PixelEnd - PixelStart));
    }

    public IReadOnlyList<AxisTick> Ticks()
    {
        var ticks = new List<AxisTick>();
        if (!Logarithmic)
        {
            var count = (int)Math.Round((Max - Min) / Step);
            for (var i = 0; i <= count; i++)
            {
                var value = Min + (i * Step);
                ticks.Add(new AxisTick(value, Format(Math.Abs(value) < Step * 1e-9 ? 0 : value), true));
            }

            return ticks;
        }

        var first = (int)Math.Round(Math.Log10(Min));
        var last = (int)Math.Round(Math.Log10(Max));
        var fewDecades = last - first == 1;
        for (var k = first; k <= last; k++)
        {
            var decade = Math.Pow(10, k);
            ticks.Add(new AxisTick(decade, (k - first) % (int)Step == 0 ? Format(decade) : string.Empty, true));
            for (var m = 2; m <= 9 && k < last; m++)
            {
                var labelled = fewDecades && m is 2 or 5;
                ticks.Add(new AxisTick(m * decade, labelled ? Format(m * decade) : string.Empty, false));
            }
        }

        return ticks;
    }

    internal static string Format(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude == 0)
        {
            return "0";
        }

        return magnitude is >= 1e-3 and < 1e5
            ? value.ToString("G4", CultureInfo.InvariantCulture)
            : value.ToString("0.###E+0", CultureInfo.InvariantCulture);
    }
}
