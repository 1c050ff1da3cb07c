namespace Perrin.Core.IO.Compression;

/// <summary>
/// The TIFF Predictor tag: 1 none, 2 horizontal differencing of integer samples, 3 the floating-point predictor
/// of Adobe TIFF Technical Note 3. Both work row by row, in place, on samples in the file's byte order.
/// </summary>
public static class TiffPredictor
{
    public const int None = 1;
    public const int Horizontal = 2;
    public const int FloatingPoint = 3;

    /// <summary>Whether <paramref name="predictor"/> can be used with samples of <paramref name="bytesPerSample"/> bytes.</summary>
    public static bool IsSupported(int predictor, int bytesPerSample) => predictor switch
    {
        None => true,
        Horizontal => bytesPerSample is 1 or 2 or 4 or 8,
        FloatingPoint => bytesPerSample is 2 or 4 or 8,
        _ => false,
    };

    /// <summary>
    /// Reverses the predictor on <paramref name="rows"/> rows of <paramref name="width"/> pixels at the start of
    /// <paramref name="data"/>. For predictor 3 the result is samples in the byte order <paramref name="littleEndian"/>
    /// names, so that the caller's usual byte swapping applies to it as to any other data.
    /// </summary>
    public static void Undo(int predictor, Span<byte> data, int width, int rows, int samplesPerPixel, int bytesPerSample, bool littleEndian)
    {
        var rowBytes = Validate(predictor, data, width, rows, samplesPerPixel, bytesPerSample);
        if (predictor == None || rowBytes == 0)
        {
            return;
        }

        if (predictor == Horizontal)
        {
            HorizontalDifferencing.Undo(data[..(rowBytes * rows)], rowBytes, samplesPerPixel, bytesPerSample, littleEndian);
        }
        else
        {
            FloatingPointDifferencing.Undo(data[..(rowBytes * rows)], rowBytes, samplesPerPixel, bytesPerSample, littleEndian);
        }
    }

    /// <summary>Applies the predictor, the inverse of <see cref="Undo"/>, before compression.</summary>
    public static void Apply(int predictor, Span<byte> data, int width, int rows, int samplesPerPixel, int bytesPerSample, bool littleEndian)
    {
        var rowBytes = Validate(predictor, data, width, rows, samplesPerPixel, bytesPerSample);
        if (predictor == None || rowBytes == 0)
        {
            return;
        }

        if (predictor == Horizontal)
        {
            HorizontalDifferencing.Apply(data[..(rowBytes * rows)], rowBytes, samplesPerPixel, bytesPerSample, littleEndian);
        }
        else
        {
            FloatingPointDifferencing.Apply(data[..(rowBytes * rows)], rowBytes, samplesPerPixel, bytesPerSample, littleEndian);
        }
    }

    private static int Validate(int predictor, Span<byte> data, int width, int rows, int samplesPerPixel, int bytesPerSample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerPixel, 1);
        if (!IsSupported(predictor, bytesPerSample))
        {
            throw new ArgumentOutOfRangeException(
                nameof(predictor), predictor, $"predictor {predictor} is not supported for {bytesPerSample}-byte samples");
        }

        var rowBytes = (long)width * samplesPerPixel * bytesPerSample;
        if (rowBytes * rows > data.Length)
        {
            throw new ArgumentException(
                $"{rows} rows of {width} pixels × {samplesPerPixel} samples × {bytesPerSample} bytes do not fit in {data.Length} bytes",
                nameof(data));
        }

        return (int)rowBytes;
    }
}
