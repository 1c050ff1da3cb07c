using System.Globalization;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Formats doubles the way Java's Double.toString does ("65535.0", "0.05", "1.0E-4"), because ImageJ writes its
/// description with it and files that match ImageJ's own byte for byte are the least surprising to its users.
/// </summary>
internal static class JavaNumberFormat
{
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        var sign = value < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs(value);
        if (magnitude is >= 1e-3 and < 1e7)
        {
            return sign + Plain(digits, exponent);
        }

        var mantissa = digits.Length == 1 ? digits + ".0" : digits[..1] + "." + digits[1..];
        return $"{sign}{mantissa}E{exponent}";
    }

    /// <summary>ImageJ's rule for finterval and fps: whole numbers without a fraction, others as Java doubles.</summary>
    public static string Interval(double value) =>
        value == Math.Truncate(value) && Math.Abs(value) < int.MaxValue
            ? ((int)value).ToString(CultureInfo.InvariantCulture)
            : Double(value);

    /// <summary>Shortest round-trip significant digits and the decimal exponent of the first one.</summary>
    private static (string Digits, int Exponent) ShortestDigits(double magnitude)
    {
        var shortest = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = ePos < 0 ? shortest : shortest[..ePos];
        var exponentShift = ePos < 0 ? 0 : int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var all = (integerPart + fraction).TrimStart('0');
        var leadingZeros = (integerPart + fraction).Length - all.Length;
        var exponent = integerPart.Length - 1 - leadingZeros + exponentShift;
        var digits = all.TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, exponent);
    }

    private static string Plain(string digits, int exponent)
    {
        if (exponent < 0)
        {
            return "0." + new string('0', -exponent - 1) + digits;
        }

        if (digits.Length <= exponent + 1)
        {
            return digits + new string('0', exponent + 1 - digits.Length) + ".0";
        }

        return digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }
}
