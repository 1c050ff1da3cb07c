using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// The un-normalized inverse DFT of a spectrum that is zero outside the pupil's rows and columns
/// (|ky| ≤ <see cref="AngularSpectrum.PupilRadiusY"/>, |kx| ≤ <see cref="AngularSpectrum.PupilRadiusX"/>), evaluated
/// only on a window of the grid. Rows are transformed only where the pupil reaches, and columns only where the
/// window is, so a pupil of radius R on an N-point grid and a W-wide window cost 2R + 1 + W transforms of N
/// instead of 2N.
/// </summary>
public static class BandLimitedSynthesis
{
    /// <summary>
    /// Writes Σ S[k] e^{+2πi k·n/N} at grid pixels (left … left + width − 1, top … top + height − 1) to
    /// <paramref name="field"/> (row-major, width × height). <paramref name="rowScratch"/> needs Width + Height and
    /// <paramref name="bandScratch"/> (2·PupilRadiusY + 1)·width elements.
    /// </summary>
    public static void Inverse(
        AngularSpectrum grid, ReadOnlySpan<Complex> spectrum, int left, int top, int width, int height,
        Span<Complex> field, Span<Complex> rowScratch, Span<Complex> bandScratch)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int n = grid.Width;
        int m = grid.Height;
        if (spectrum.Length != n * m || left < 0 || top < 0 || width < 1 || height < 1 || left + width > n || top + height > m)
        {
            throw new ArgumentException($"The window {width}×{height} at ({left}, {top}) must lie on the {n}×{m} spectrum.", nameof(spectrum));
        }

        int ry = grid.PupilRadiusY;
        int bands = BandRows(grid);
        if (field.Length < width * height || rowScratch.Length < n + m || bandScratch.Length < bands * width)
        {
            throw new ArgumentException("The output or scratch buffers are too small.", nameof(field));
        }

        Span<Complex> line = rowScratch[..n];
        Span<Complex> column = rowScratch.Slice(n, m);
        Span<int> rows = bands <= 1024 ? stackalloc int[bands] : new int[bands];
        int used = 0;
        for (int row = 0; row < m; row++)
        {
            if (Math.Abs(grid.BinY(row)) > ry)
            {
                continue;
            }

            spectrum.Slice(row * n, n).CopyTo(line);
            Fft.InverseUnnormalized(line);
            line.Slice(left, width).CopyTo(bandScratch.Slice(used * width, width));
            rows[used++] = row;
        }

        for (int c = 0; c < width; c++)
        {
            column.Clear();
            for (int r = 0; r < used; r++)
            {
                column[rows[r]] = bandScratch[(r * width) + c];
            }

            Fft.InverseUnnormalized(column);
            for (int r = 0; r < height; r++)
            {
                field[(r * width) + c] = column[top + r];
            }
        }
    }

    /// <summary>How many spectrum rows the pupil reaches.</summary>
    public static int BandRows(AngularSpectrum grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Math.Min((2 * grid.PupilRadiusY) + 1, grid.Height);
    }
}
