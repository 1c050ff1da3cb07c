using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>The frame span and spatial extent of a localization table (0-based frames, nm).</summary>
internal sealed record TableSummary(int FirstFrame, int LastFrame, double XMinNm, double XMaxNm, double YMinNm, double YMaxNm)
{
    public static TableSummary Of(LocalizationTable table)
    {
        ArgumentOutOfRangeException.ThrowIfZero(table.Count);
        var rows = table.Rows;
        return new TableSummary(
            rows.Min(r => r.Frame),
            rows.Max(r => r.Frame),
            rows.Min(r => r.X),
            rows.Max(r => r.X),
            rows.Min(r => r.Y),
            rows.Max(r => r.Y));
    }
}
