namespace Perrin.Simulation.Coherent;

/// <summary>
/// Where the objective's pupil lies on an <see cref="AngularSpectrum"/> grid, as a compact row-major table: the
/// grid rows with |ky| ≤ <see cref="AngularSpectrum.PupilRadiusY"/> and the grid columns with
/// |kx| ≤ <see cref="AngularSpectrum.PupilRadiusX"/>, each sorted by signed bin, and in every table row the
/// contiguous run of columns inside the NA (the pupil is a disk, so one run per row). Immutable.
/// </summary>
public sealed class PupilLayout
{
    private readonly int[] _gridRows;
    private readonly int[] _gridColumns;
    private readonly int[] _start;
    private readonly int[] _end;

    public PupilLayout(AngularSpectrum grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        _gridRows = SortedByBin(grid.Height, grid.PupilRadiusY, grid.BinY);
        _gridColumns = SortedByBin(grid.Width, grid.PupilRadiusX, grid.BinX);
        _start = new int[_gridRows.Length];
        _end = new int[_gridRows.Length];
        for (int b = 0; b < _gridRows.Length; b++)
        {
            int first = -1;
            int last = -1;
            for (int k = 0; k < _gridColumns.Length; k++)
            {
                if (grid.PupilAmplitude((_gridRows[b] * grid.Width) + _gridColumns[k]) > 0)
                {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }

            (_start[b], _end[b]) = first < 0 ? (0, 0) : (first, last + 1);
        }
    }

    public AngularSpectrum Grid { get; }

    /// <summary>Table rows: grid rows the pupil reaches.</summary>
    public int Rows => _gridRows.Length;

    /// <summary>Table columns: grid columns the pupil reaches.</summary>
    public int Columns => _gridColumns.Length;

    /// <summary>The grid row of table row <paramref name="row"/>.</summary>
    public int GridRow(int row) => _gridRows[row];

    /// <summary>The grid column of table column <paramref name="column"/>.</summary>
    public int GridColumn(int column) => _gridColumns[column];

    /// <summary>First table column of <paramref name="row"/> inside the NA.</summary>
    public int Start(int row) => _start[row];

    /// <summary>One past the last table column of <paramref name="row"/> inside the NA (equal to the start when none is).</summary>
    public int End(int row) => _end[row];

    /// <summary>
    /// Whether every bin of the table has its mirror images (−kx, ky) and (kx, −ky) on it: true unless the pupil
    /// reaches the Nyquist bin of an even grid, which has no partner.
    /// </summary>
    public bool IsMirrorSymmetric => Columns == (2 * Grid.PupilRadiusX) + 1 && Rows == (2 * Grid.PupilRadiusY) + 1;

    /// <summary>Rows of the quarter table (ky ≥ 0) of a mirror-symmetric pupil: ky = 0 … PupilRadiusY.</summary>
    public int QuarterRows => Grid.PupilRadiusY + 1;

    /// <summary>Columns of the quarter table: kx = 0 … PupilRadiusX.</summary>
    public int QuarterColumns => Grid.PupilRadiusX + 1;

    /// <summary>One past the last kx ≥ 0 inside the NA in quarter row <paramref name="ky"/> (0 when none is).</summary>
    public int QuarterEnd(int ky) => Math.Max(End(Grid.PupilRadiusY + ky) - Grid.PupilRadiusX, 0);

    /// <summary>The table index (row·Columns + column) of a grid bin inside the NA, or −1 outside it.</summary>
    public int IndexOf(int gridRow, int gridColumn)
    {
        int row = Array.IndexOf(_gridRows, gridRow);
        int column = Array.IndexOf(_gridColumns, gridColumn);
        return row < 0 || column < _start[row] || column >= _end[row] ? -1 : (row * Columns) + column;
    }

    private static int[] SortedByBin(int n, int radius, Func<int, int> bin) =>
        [.. Enumerable.Range(0, n).Where(i => Math.Abs(bin(i)) <= radius).OrderBy(bin)];
}
