namespace Perrin.Analysis.Linking;

/// <summary>
/// The points of one frame bucketed in square cells as wide as the search range, so every point within the range
/// of a query lies in the query's cell or one of its eight neighbours. Cells are kept as sorted keys rather than a
/// dense array, so sparse points spread over a large field cost nothing extra, and the arrays are reused frame after
/// frame.
/// </summary>
internal sealed class CandidateGrid
{
    // Cell indices are kept within ±2^29 so a key (row in the high half, column in the low half, both offset to be
    // non-negative and below 2^31) stays positive and ordered, neighbours included.
    private const double MaxCell = 1 << 29;
    private const long Offset = 1L << 30;

    private long[] _keys = [];
    private int[] _points = [];
    private int _count;
    private double _cell;

    public void Build(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double cellSize)
    {
        _cell = cellSize;
        _count = x.Length;
        if (_keys.Length < _count)
        {
            _keys = new long[Math.Max(_count, 2 * _keys.Length)];
            _points = new int[_keys.Length];
        }

        for (var i = 0; i < _count; i++)
        {
            _keys[i] = Key(CellOf(x[i]), CellOf(y[i]));
            _points[i] = i;
        }

        Array.Sort(_keys, _points, 0, _count);
    }

    /// <summary>Adds to <paramref name="found"/> every point in the cells around (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Near(double x, double y, List<int> found)
    {
        var cx = CellOf(x);
        var cy = CellOf(y);
        for (var row = cy - 1; row <= cy + 1; row++)
        {
            var last = Key(cx + 1, row);
            for (var i = LowerBound(Key(cx - 1, row)); i < _count && _keys[i] <= last; i++)
                found.Add(_points[i]);
        }
    }

    /// <summary>Whether a position can be placed in the grid: its cell index must stay within ±2^29.</summary>
    public static bool Fits(double position, double cellSize) => Math.Abs(Math.Floor(position / cellSize)) < MaxCell;

    private long CellOf(double position) => (long)Math.Floor(position / _cell);

    private static long Key(long column, long row) => ((row + Offset) << 32) | (column + Offset);

    private int LowerBound(long key)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_keys[mid] < key) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
