using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Points of one frame sorted into square cells at least as wide as the matching tolerance, so that every point
/// within the tolerance of a query lies in the 3 × 3 cells around it. Cells are ordered row by row, so each row of
/// three cells is one contiguous run, found by binary search. The buffers are reused from frame to frame.
/// </summary>
internal sealed class CandidateGrid
{
    // Bounds the cell indices so that keys (row · columns + column) stay exact in a long whatever the coordinates.
    private const double MaxCellsPerSide = 1 << 20;

    private long[] _keys = [];
    private int[] _order = [];
    private int _count;
    private double _originX;
    private double _originY;
    private double _cell;
    private long _columns;
    private long _rows;

    public void Build(ReadOnlySpan<Localization> points, double tolerance)
    {
        _count = points.Length;
        if (_count == 0)
            return;
        if (_keys.Length < _count)
        {
            _keys = new long[Math.Max(_count, 2 * _keys.Length)];
            _order = new int[_keys.Length];
        }

        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (var p in points)
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
                continue;
            minX = Math.Min(minX, p.X);
            minY = Math.Min(minY, p.Y);
            maxX = Math.Max(maxX, p.X);
            maxY = Math.Max(maxY, p.Y);
        }

        if (minX > maxX)
        {
            _count = 0;
            return;
        }

        var extent = Math.Max(maxX - minX, maxY - minY);
        _cell = Math.Max(tolerance, extent / MaxCellsPerSide);
        _originX = minX;
        _originY = minY;
        _columns = (long)Math.Floor((maxX - minX) / _cell) + 1;
        _rows = (long)Math.Floor((maxY - minY) / _cell) + 1;
        for (var i = 0; i < _count; i++)
        {
            _order[i] = i;
            if (!double.IsFinite(points[i].X) || !double.IsFinite(points[i].Y))
            {
                // Past every real key, so no query range ever reaches it.
                _keys[i] = long.MaxValue;
                continue;
            }

            var cx = Math.Min((long)Math.Floor((points[i].X - minX) / _cell), _columns - 1);
            var cy = Math.Min((long)Math.Floor((points[i].Y - minY) / _cell), _rows - 1);
            _keys[i] = (cy * _columns) + cx;
        }

        Array.Sort(_keys, _order, 0, _count);
    }

    /// <summary>Appends to <paramref name="found"/> the indices of the points in the cells around (x, y).</summary>
    public void Near(double x, double y, List<int> found)
    {
        if (_count == 0 || !double.IsFinite(x) || !double.IsFinite(y))
            return;
        var fx = Math.Floor((x - _originX) / _cell);
        var fy = Math.Floor((y - _originY) / _cell);
        if (fx < -1 || fy < -1 || fx > _columns || fy > _rows)
            return;
        var cx = (long)fx;
        var cy = (long)fy;
        var x0 = Math.Max(cx - 1, 0);
        var x1 = Math.Min(cx + 1, _columns - 1);
        for (var row = Math.Max(cy - 1, 0); row <= Math.Min(cy + 1, _rows - 1); row++)
        {
            var start = LowerBound((row * _columns) + x0);
            var end = LowerBound((row * _columns) + x1 + 1);
            for (var k = start; k < end; k++)
                found.Add(_order[k]);
        }
    }

    private int LowerBound(long key)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_keys[mid] < key)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }
}
