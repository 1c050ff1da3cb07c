using Perrin.Core.Tables;

namespace Perrin.Analysis.Spatial;

/// <summary>
/// The points of one frame sorted into square cells at least as wide as a search radius, so that every point within
/// the radius of a query lies in the 3 × 3 cells around it: neighbour searches for linking and matching cost about
/// the number of true neighbours instead of the number of points. Cells are counted from the points' bounding box and
/// ordered row by row, so each row of three cells is one contiguous run found by binary search. Points that are not
/// finite are never found. The buffers are reused from frame to frame.
/// </summary>
internal sealed class PointGrid
{
    // Bounds the cell indices so that keys (row · columns + column) stay exact in a long whatever the coordinates;
    // fields wider than this many radii get proportionally larger cells, which is still correct, only less selective.
    private const double MaxCellsPerSide = 1 << 20;

    private long[] _keys = [];
    private int[] _order = [];
    private double[] _x = [];
    private double[] _y = [];
    private int _count;
    private double _originX;
    private double _originY;
    private double _cell;
    private long _columns;
    private long _rows;

    public void Build(ReadOnlySpan<Localization> points, double radius)
    {
        if (_x.Length < points.Length)
        {
            _x = new double[Math.Max(points.Length, 2 * _x.Length)];
            _y = new double[_x.Length];
        }

        for (var i = 0; i < points.Length; i++)
        {
            _x[i] = points[i].X;
            _y[i] = points[i].Y;
        }

        Build(_x.AsSpan(0, points.Length), _y.AsSpan(0, points.Length), radius);
    }

    public void Build(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double radius)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"a point grid needs as many y ({y.Length}) as x ({x.Length}) coordinates");
        if (!(radius > 0) || !double.IsFinite(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), $"the search radius must be finite and > 0, not {radius}");
        _count = x.Length;
        if (_count == 0)
            return;
        if (_keys.Length < _count)
        {
            _keys = new long[Math.Max(_count, 2 * _keys.Length)];
            _order = new int[_keys.Length];
        }

        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < _count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                continue;
            minX = Math.Min(minX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxX = Math.Max(maxX, x[i]);
            maxY = Math.Max(maxY, y[i]);
        }

        if (minX > maxX)
        {
            _count = 0;
            return;
        }

        var extent = Math.Max(maxX - minX, maxY - minY);
        _cell = Math.Max(radius, extent / MaxCellsPerSide);
        _originX = minX;
        _originY = minY;
        _columns = (long)Math.Floor((maxX - minX) / _cell) + 1;
        _rows = (long)Math.Floor((maxY - minY) / _cell) + 1;
        for (var i = 0; i < _count; i++)
        {
            _order[i] = i;
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                // Past every real key, so no query range ever reaches it.
                _keys[i] = long.MaxValue;
                continue;
            }

            var cx = Math.Min((long)Math.Floor((x[i] - minX) / _cell), _columns - 1);
            var cy = Math.Min((long)Math.Floor((y[i] - minY) / _cell), _rows - 1);
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
