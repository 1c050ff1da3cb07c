using Perrin.Core.IO;

namespace Perrin.Core.Tables;

/// <summary>
/// The column names one format knows and the quantity each holds. Names match without regard to case or
/// surrounding blanks; unknown columns are ignored, so files with extra columns still read.
/// </summary>
internal sealed class CsvSchema
{
    private readonly (string Name, LocalizationColumns Column)[] _names;
    private readonly Dictionary<string, LocalizationColumns> _byName = new(StringComparer.OrdinalIgnoreCase);

    public CsvSchema(string formatName, int frameBase, params (string Name, LocalizationColumns Column)[] names)
    {
        FormatName = formatName;
        FrameBase = frameBase;
        _names = names;
        foreach (var (name, column) in names)
        {
            _byName.Add(name, column);
        }
    }

    public string FormatName { get; }

    /// <summary>The number the file gives the first frame.</summary>
    public int FrameBase { get; }

    public string NameOf(LocalizationColumns column) => _names.First(n => n.Column == column).Name;

    public bool Knows(string name) => _byName.ContainsKey(name.Trim());

    /// <summary>Reads the header line and prepares to read the rows under it.</summary>
    /// <param name="pixelSizeNm">For formats in pixels: converts positions to nanometres as they are read.</param>
    public LocalizationCsvParser OpenWithHeader(CsvLineReader lines, string expectedHeader, double? pixelSizeNm = null)
    {
        var header = new List<string>();
        if (!lines.TryReadRecord(header))
        {
            throw PerrinFormatException.AtLine(lines.Path, 1, $"the file is empty; expected the {FormatName} header {expectedHeader}");
        }

        return new LocalizationCsvParser(lines, Bind(header, lines.Path, lines.LineNumber), FrameBase, pixelSizeNm);
    }

    public ColumnBinding Bind(IReadOnlyList<string> header, string? path, int line)
    {
        var columns = new LocalizationColumns[header.Count];
        var labels = new string[header.Count];
        var present = LocalizationColumns.None;
        for (var i = 0; i < header.Count; i++)
        {
            labels[i] = header[i].Trim();
            if (!_byName.TryGetValue(labels[i], out var column))
            {
                continue;
            }

            if ((present & column) != 0)
            {
                var first = labels[Array.IndexOf(columns, column)];
                throw PerrinFormatException.AtLine(path, line, $"column '{labels[i]}' gives the same quantity as column '{first}'");
            }

            columns[i] = column;
            present |= column;
        }

        foreach (var required in new[] { LocalizationColumns.Frame, LocalizationColumns.X, LocalizationColumns.Y })
        {
            if ((present & required) == 0)
            {
                throw PerrinFormatException.AtLine(
                    path,
                    line,
                    $"missing required column '{NameOf(required)}' for a {FormatName} table; the header has {DescribeHeader(labels)}");
            }
        }

        return new ColumnBinding(columns, labels, present, "as in the header");
    }

    /// <summary>For files without a header: the fields are the schema's names, in order.</summary>
    public ColumnBinding Positional()
    {
        var columns = _names.Select(n => n.Column).ToArray();
        var labels = _names.Select(n => n.Name).ToArray();
        var present = columns.Aggregate(LocalizationColumns.None, (all, c) => all | c);
        return new ColumnBinding(columns, labels, present, $"({string.Join(", ", labels)})");
    }

    private static string DescribeHeader(string[] labels)
    {
        const int Shown = 12;
        var names = labels.Take(Shown).Select(l => $"'{(l.Length <= 40 ? l : string.Concat(l.AsSpan(0, 40), "…"))}'");
        var text = string.Join(", ", names);
        return labels.Length > Shown ? $"{text} and {labels.Length - Shown} more" : text;
    }
}
