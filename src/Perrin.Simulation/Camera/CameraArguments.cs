namespace Perrin.Simulation.Camera;

/// <summary>Validation shared by the camera and noise models, so every rejection names the field and the rule.</summary>
internal static class CameraArguments
{
    public static double Finite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{field} must be a finite number, not {value}", field);
        }

        return value;
    }

    public static double NotNegative(double value, string field)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentException($"{field} must be finite and at least 0, not {value}", field);
        }

        return value;
    }

    public static double Positive(double value, string field)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentException($"{field} must be finite and greater than 0, not {value}", field);
        }

        return value;
    }

    public static double Fraction(double value, string field)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentException($"{field} must lie in (0, 1], not {value}", field);
        }

        return value;
    }

    public static double AtLeastOne(double value, string field)
    {
        if (!(value >= 1) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentException($"{field} must be finite and at least 1, not {value}", field);
        }

        return value;
    }

    /// <summary>A limit that may be +∞ (meaning none) but must be positive.</summary>
    public static double PositiveOrInfinite(double value, string field)
    {
        if (!(value > 0))
        {
            throw new ArgumentException($"{field} must be greater than 0 (or +∞ for no limit), not {value}", field);
        }

        return value;
    }

    public static void Dimensions(int width, int height, string field)
    {
        if (width < 1 || height < 1 || (long)width * height > Array.MaxLength)
        {
            throw new ArgumentException($"the image size must be at least 1×1 and fit one array, not {width}×{height}", field);
        }
    }

    public static void ImageSize(int length, int width, int height, string field)
    {
        Dimensions(width, height, field);
        if ((long)width * height != length)
        {
            throw new ArgumentException($"{field} holds {length} pixels but the image is {width}×{height}", field);
        }
    }

    public static void SameSize(int width, int height, int expectedWidth, int expectedHeight, string field)
    {
        if (width != expectedWidth || height != expectedHeight)
        {
            throw new ArgumentException(
                $"{field} is {expectedWidth}×{expectedHeight} pixels but the image is {width}×{height}", field);
        }
    }
}
