namespace Perrin.Core.Maths;

/// <summary>
/// Moves the zero frequency between index 0 (transform order) and the centre, index ⌊n/2⌋, as numpy's
/// fftshift and ifftshift do; the two differ for odd lengths and each undoes the other.
/// </summary>
public static class FftShift
{
    /// <summary>Transform order → centred order: element i moves to (i + ⌊n/2⌋) mod n.</summary>
    public static void Shift<T>(Span<T> data) => Rotate(data, data.Length / 2);

    /// <summary>Centred order → transform order: element i moves to (i + ⌈n/2⌉) mod n.</summary>
    public static void InverseShift<T>(Span<T> data) => Rotate(data, data.Length - (data.Length / 2));

    public static void Shift2D<T>(Span<T> data, int rows, int cols) => Rotate2D(data, rows, cols, rows / 2, cols / 2);

    public static void InverseShift2D<T>(Span<T> data, int rows, int cols) =>
        Rotate2D(data, rows, cols, rows - (rows / 2), cols - (cols / 2));

    private static void Rotate<T>(Span<T> data, int by)
    {
        int n = data.Length;
        if (n <= 1 || by % n == 0)
        {
            return;
        }

        // Moving every element right by `by` is a left rotation by n − by: three reversals, no scratch memory.
        data.Reverse();
        data[..by].Reverse();
        data[by..].Reverse();
    }

    private static void Rotate2D<T>(Span<T> data, int rows, int cols, int byRows, int byCols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != data.Length)
        {
            throw new ArgumentException($"Expected rows × cols = {(long)rows * cols} samples, got {data.Length}.", nameof(data));
        }

        for (int r = 0; r < rows; r++)
        {
            Rotate(data.Slice(r * cols, cols), byCols);
        }

        if (rows > 1 && byRows % rows != 0)
        {
            // Whole rows move together, so the 2D rotation is a 1D rotation by byRows·cols elements.
            Rotate(data, byRows * cols);
        }
    }
}
