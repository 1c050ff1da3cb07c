namespace Perrin.Core.Tables;

/// <summary>
/// Ground truth of the SMLM Challenge 2016: a running index, 1-based frames, x, y, z in nanometres and the
/// intensity in photons. The challenge measures x and y from the top-left corner of the field of view, the same
/// origin as ThunderSTORM and Perrin, so positions pass through untouched. Files come with the header
/// <see cref="Header"/> or, like the challenge's activations.csv, without one; then the six columns are taken in
/// that order.
/// </summary>
public static class SmlmChallengeCsv
{
    public const string Header = "Ground-truth,frame,xnano,ynano,znano,intensity";

    internal static readonly CsvSchema Schema = new(
        "SMLM Challenge",
        1,
        ("Ground-truth", LocalizationColumns.Id),
        ("frame", LocalizationColumns.Frame),
        ("xnano", LocalizationColumns.X),
        ("ynano", LocalizationColumns.Y),
        ("znano", LocalizationColumns.Z),
        ("intensity", LocalizationColumns.Intensity));

    public static LocalizationTable Read(TextReader reader, string? pathForMessages = null, double? pixelSizeNm = null) =>
        Read(new CsvLineReader(reader, pathForMessages), pixelSizeNm);

    /// <summary>Reads the header (if any) now and the rows one at a time as they are enumerated.</summary>
    public static IEnumerable<Localization> ReadRows(TextReader reader, string? pathForMessages = null) =>
        Open(new CsvLineReader(reader, pathForMessages)).Rows();

    /// <summary>
    /// Writes <see cref="Header"/> and one row per localization. A table without ids gets 1-based row numbers;
    /// absent z or intensity are written as NaN.
    /// </summary>
    public static void Write(TextWriter writer, LocalizationTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.Write(Header);
        writer.Write('\n');
        var row = new CsvRowWriter(writer);
        var hasId = table.Has(LocalizationColumns.Id);
        for (var i = 0; i < table.Count; i++)
        {
            var l = table.Rows[i];
            row.Number(hasId ? l.Id : i + 1L);
            row.Number(l.Frame + 1L);
            row.Number(l.X);
            row.Number(l.Y);
            row.Number(l.Z);
            row.Number(l.Intensity);
            row.EndRow();
        }
    }

    internal static LocalizationTable Read(CsvLineReader lines, double? pixelSizeNm)
    {
        if (pixelSizeNm is { } px)
        {
            PixelCoordinates.Validate(px, nameof(pixelSizeNm));
        }

        var parser = Open(lines);
        return new LocalizationTable(parser.Rows(), parser.Columns, pixelSizeNm);
    }

    internal static LocalizationCsvParser Open(CsvLineReader lines)
    {
        var first = new List<string>();
        if (lines.TryReadRecord(first) && first.All(f => CsvNumbers.IsMissing(f) || CsvNumbers.TryParseDouble(f, out _)))
        {
            lines.PushBack();
            return new LocalizationCsvParser(lines, Schema.Positional(), Schema.FrameBase);
        }

        if (first.Count > 0)
        {
            lines.PushBack();
        }

        return Schema.OpenWithHeader(lines, Header);
    }
}
