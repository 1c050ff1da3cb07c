namespace Perrin.Analysis.Assignment;

/// <summary>The solution of an <see cref="AssignmentProblem"/>: who is paired with whom; −1 means unpaired.</summary>
public sealed class AssignmentResult
{
    internal AssignmentResult(int[] rowToColumn, int[] columnToRow, double pairedCost)
    {
        RowToColumn = rowToColumn;
        ColumnToRow = columnToRow;
        PairedCost = pairedCost;
        var pairs = 0;
        foreach (var c in rowToColumn)
            if (c >= 0) pairs++;
        Pairs = pairs;
    }

    /// <summary>The column paired with each row, or −1.</summary>
    public IReadOnlyList<int> RowToColumn { get; }

    /// <summary>The row paired with each column, or −1.</summary>
    public IReadOnlyList<int> ColumnToRow { get; }

    /// <summary>The sum of the costs of the chosen pairs (unpaired penalties excluded).</summary>
    public double PairedCost { get; }

    public int Pairs { get; }
}
