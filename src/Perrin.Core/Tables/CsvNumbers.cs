using System.Globalization;

namespace Perrin.Core.Tables;

/// <summary>
/// Number text for localization tables. Doubles are written in the shortest form that parses back to the same
/// bits, so that writing and reading a table loses nothing; NaN, infinities and the spellings pandas uses are read.
/// </summary>
internal static class CsvNumbers
{
    private const double TwoTo63 = 9223372036854775808.0;

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the cell is empty or spells NaN: the ways files say "no value".</summary>
    public static bool IsMissing(string cell)
    {
        var text = cell.AsSpan().Trim();
        return text.Length == 0 || text.Equals("nan", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryParseDouble(string cell, out double value)
    {
        var text = cell.AsSpan().Trim();
        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("+inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a whole number, also when written as a float such as "12.0" (ThunderSTORM does that).</summary>
    public static bool TryParseWhole(string cell, out long value)
    {
        var text = cell.AsSpan().Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real) && Math.Floor(real) == real && real >= -TwoTo63 && real < TwoTo63)
        {
            value = (long)real;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>How a cell is shown in an error message: quoted, shortened when long.</summary>
    public static string Describe(string cell)
    {
        if (cell.Trim().Length == 0)
        {
            return "an empty cell";
        }

        const int Limit = 40;
        var shown = cell.Length <= Limit ? cell : string.Concat(cell.AsSpan(0, Limit), "…");
        return $"'{shown}'";
    }
}
