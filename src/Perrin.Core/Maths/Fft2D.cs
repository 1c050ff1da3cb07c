using System.Buffers;
using System.Numerics;

namespace Perrin.Core.Maths;

/// <summary>
/// Two-dimensional discrete Fourier transform of a row-major array (rows × cols), in place, with the same
/// conventions as <see cref="Fft"/>: the forward transform is unnormalized, the inverse divides by rows·cols.
/// </summary>
public static class Fft2D
{
    // Columns are copied out a few at a time so each copy touches whole cache lines of the row-major data.
    private const int ColumnBlock = 8;

    public static void Forward(Span<Complex> data, int rows, int cols) => Transform(data, rows, cols, inverse: false);

    public static void Inverse(Span<Complex> data, int rows, int cols)
    {
        Transform(data, rows, cols, inverse: true);
        Fft.Scale(data, 1.0 / ((double)rows * cols));
    }

    /// <summary>The transform with a positive exponent and no 1/(rows·cols) factor.</summary>
    public static void InverseUnnormalized(Span<Complex> data, int rows, int cols) => Transform(data, rows, cols, inverse: true);

    private static void Transform(Span<Complex> data, int rows, int cols, bool inverse)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != data.Length)
        {
            throw new ArgumentException($"Expected rows × cols = {(long)rows * cols} samples, got {data.Length}.", nameof(data));
        }

        if (cols > 1)
        {
            for (int r = 0; r < rows; r++)
            {
                Fft.Transform(data.Slice(r * cols, cols), inverse);
            }
        }

        if (rows > 1)
        {
            TransformColumns(data, rows, cols, inverse);
        }
    }

    private static void TransformColumns(Span<Complex> data, int rows, int cols, bool inverse)
    {
        Complex[] rented = ArrayPool<Complex>.Shared.Rent(rows * ColumnBlock);
        try
        {
            for (int c0 = 0; c0 < cols; c0 += ColumnBlock)
            {
                int width = Math.Min(ColumnBlock, cols - c0);
                for (int r = 0; r < rows; r++)
                {
                    Span<Complex> row = data.Slice((r * cols) + c0, width);
                    for (int b = 0; b < width; b++)
                    {
                        rented[(b * rows) + r] = row[b];
                    }
                }

                for (int b = 0; b < width; b++)
                {
                    Fft.Transform(rented.AsSpan(b * rows, rows), inverse);
                }

                for (int r = 0; r < rows; r++)
                {
                    Span<Complex> row = data.Slice((r * cols) + c0, width);
                    for (int b = 0; b < width; b++)
                    {
                        row[b] = rented[(b * rows) + r];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(rented);
        }
    }
}
