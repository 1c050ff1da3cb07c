namespace Perrin.Analysis.Assignment;

/// <summary>
/// A sparse linear assignment problem: rows and columns (for example particles in two frames, or ground truth and
/// detections) with a cost for each allowed pairing, and a cost for leaving a row or a column unpaired. Pairings that
/// were never added are forbidden. The solution minimizes the sum of the paired costs plus the unpaired costs, with
/// each row and each column used at most once.
/// </summary>
public sealed class AssignmentProblem
{
    private readonly List<int> _rows = [];
    private readonly List<int> _columns = [];
    private readonly List<double> _costs = [];

    public AssignmentProblem(int rows, int columns)
    {
        if (rows < 0 || columns < 0)
            throw new ArgumentException($"an assignment problem needs non-negative sizes, not {rows} rows × {columns} columns");
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>How many pairings are allowed.</summary>
    public int EdgeCount => _costs.Count;

    /// <summary>Allows pairing <paramref name="row"/> with <paramref name="column"/> at <paramref name="cost"/> (finite, ≥ 0).</summary>
    public void Add(int row, int column, double cost)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), $"row {row} is outside 0..{Rows - 1}");
        if ((uint)column >= (uint)Columns)
            throw new ArgumentOutOfRangeException(nameof(column), $"column {column} is outside 0..{Columns - 1}");
        if (!double.IsFinite(cost) || cost < 0)
            throw new ArgumentOutOfRangeException(nameof(cost), $"the cost of pairing row {row} with column {column} must be finite and ≥ 0, not {cost}");
        _rows.Add(row);
        _columns.Add(column);
        _costs.Add(cost);
    }

    /// <summary>
    /// The cheapest assignment when leaving a row unpaired costs <paramref name="rowUnpairedCost"/> and leaving a
    /// column unpaired costs <paramref name="columnUnpairedCost"/>. With both at half a linking cut-off this is the
    /// frame-to-frame linking problem of u-track and trackpy.
    /// </summary>
    public AssignmentResult Solve(double rowUnpairedCost, double columnUnpairedCost)
    {
        CheckPenalty(rowUnpairedCost, nameof(rowUnpairedCost));
        CheckPenalty(columnUnpairedCost, nameof(columnUnpairedCost));
        return ShortestAugmentingPath.Solve(this, rowUnpairedCost, columnUnpairedCost);
    }

    /// <summary>
    /// The assignment with the most pairs, and among those the cheapest: the matching rule of the SMLM Challenge
    /// evaluation, where every allowed pair lies within the tolerance.
    /// </summary>
    public AssignmentResult SolveMaximumPairs()
    {
        var maxCost = 0.0;
        foreach (var c in _costs) maxCost = Math.Max(maxCost, c);

        // An extra pair saves two unpaired penalties, while rearranging the other pairs to make room can raise their
        // summed cost by at most (pairs + 1)·maxCost, so this penalty puts the number of pairs first.
        var penalty = (Math.Min(Rows, Columns) + 2) * (maxCost + 1.0);
        return ShortestAugmentingPath.Solve(this, penalty, penalty);
    }

    internal int RowOf(int edge) => _rows[edge];

    internal int ColumnOf(int edge) => _columns[edge];

    internal double CostOf(int edge) => _costs[edge];

    private static void CheckPenalty(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, $"{name} must be finite and ≥ 0, not {value}");
    }
}
