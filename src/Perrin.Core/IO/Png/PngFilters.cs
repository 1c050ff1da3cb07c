namespace Perrin.Core.IO.Png;

/// <summary>
/// The five scanline filters of PNG filter method 0. Each byte is predicted from the byte one pixel to the left (a),
/// the byte above (b) and the byte above-left (c); bytes left of the row and the row above the first are zero.
/// </summary>
internal static class PngFilters
{
    public const int None = 0;
    public const int Sub = 1;
    public const int Up = 2;
    public const int Average = 3;
    public const int Paeth = 4;
    public const int Count = 5;

    /// <summary>Reverses filter <paramref name="type"/> in place; <paramref name="prior"/> is the decoded row above.</summary>
    public static void Unfilter(int type, Span<byte> row, ReadOnlySpan<byte> prior, int stride)
    {
        switch (type)
        {
            case Sub:
                for (var i = stride; i < row.Length; i++)
                {
                    row[i] += row[i - stride];
                }

                break;
            case Up:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += prior[i];
                }

                break;
            case Average:
                for (var i = 0; i < row.Length; i++)
                {
                    var a = i >= stride ? row[i - stride] : 0;
                    row[i] += (byte)((a + prior[i]) >> 1);
                }

                break;
            case Paeth:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += i >= stride ? Predict(row[i - stride], prior[i], prior[i - stride]) : Predict(0, prior[i], 0);
                }

                break;
        }
    }

    /// <summary>Applies filter <paramref name="type"/> to <paramref name="row"/>, writing the filtered bytes to <paramref name="output"/>.</summary>
    public static void Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int stride, Span<byte> output)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var a = i >= stride ? row[i - stride] : (byte)0;
            var c = i >= stride ? prior[i - stride] : (byte)0;
            var prediction = type switch
            {
                Sub => a,
                Up => prior[i],
                Average => (byte)((a + prior[i]) >> 1),
                Paeth => Predict(a, prior[i], c),
                _ => (byte)0,
            };
            output[i] = (byte)(row[i] - prediction);
        }
    }

    /// <summary>The Paeth predictor: whichever of a, b, c is closest to a + b − c, ties going to a, then b.</summary>
    public static byte Predict(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
