using Perrin.Core.IO;

namespace Perrin.Core.Tables;

/// <summary>Recognises a localization table by its first line, without consuming it.</summary>
internal static class TableFormatDetector
{
    public static TableFormat Detect(CsvLineReader lines)
    {
        var first = new List<string>();
        if (!lines.TryReadRecord(first))
        {
            throw PerrinFormatException.AtLine(lines.Path, 1, $"the file is empty; expected a localization table ({Expected})");
        }

        lines.PushBack();
        return Classify(first) ?? throw PerrinFormatException.AtLine(
            lines.Path,
            lines.LineNumber,
            $"unrecognised localization table header {CsvNumbers.Describe(string.Join(",", first))}; expected {Expected}");
    }

    private static string Expected =>
        $"a ThunderSTORM header such as {ThunderStormCsv.Header}, a trackpy header such as {TrackpyCsv.Header}, " +
        $"the SMLM Challenge header {SmlmChallengeCsv.Header} or its six headerless numeric columns";

    private static TableFormat? Classify(List<string> first)
    {
        var names = first.Select(f => f.Trim()).ToList();
        bool Has(string name) => names.Contains(name, StringComparer.OrdinalIgnoreCase);

        if (names.Any(n => n.StartsWith("x [", StringComparison.OrdinalIgnoreCase)))
        {
            return TableFormat.ThunderStorm;
        }

        if (Has("xnano") || names[0].Equals("Ground-truth", StringComparison.OrdinalIgnoreCase))
        {
            return TableFormat.SmlmChallenge;
        }

        if (Has("x") && Has("y"))
        {
            return TableFormat.Trackpy;
        }

        var numeric = first.All(f => CsvNumbers.TryParseDouble(f, out _));
        return numeric && first.Count == SmlmChallengeCsv.Schema.Positional().Columns.Count ? TableFormat.SmlmChallenge : null;
    }
}
