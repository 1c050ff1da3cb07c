namespace Perrin.Core.Tables;

/// <summary>
/// ThunderSTORM's CSV: frames are 1-based and x, y are nanometres from the top-left corner of the top-left
/// pixel, which is Perrin's own convention, so positions pass through untouched. The reader takes the known
/// columns in any order, quoted or not, and ignores the others (sigma1/sigma2 of 3D fits, for example);
/// "uncertainty_xy [nm]" is read as the lateral uncertainty.
/// </summary>
public static class ThunderStormCsv
{
    /// <summary>The header ThunderSTORM writes for 2D results, and what <see cref="Write"/> writes for a 2D table.</summary>
    public const string Header =
        "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"sigma [nm]\",\"intensity [photon]\",\"offset [photon]\",\"bkgstd [photon]\",\"uncertainty [nm]\"";

    internal static readonly CsvSchema Schema = new(
        "ThunderSTORM",
        1,
        ("id", LocalizationColumns.Id),
        ("frame", LocalizationColumns.Frame),
        ("x [nm]", LocalizationColumns.X),
        ("y [nm]", LocalizationColumns.Y),
        ("z [nm]", LocalizationColumns.Z),
        ("sigma [nm]", LocalizationColumns.Sigma),
        ("intensity [photon]", LocalizationColumns.Intensity),
        ("offset [photon]", LocalizationColumns.Offset),
        ("bkgstd [photon]", LocalizationColumns.BkgStd),
        ("uncertainty [nm]", LocalizationColumns.Uncertainty),
        ("uncertainty_xy [nm]", LocalizationColumns.Uncertainty),
        ("uncertainty_z [nm]", LocalizationColumns.UncertaintyZ),
        ("chi2", LocalizationColumns.Chi2),
        ("detections", LocalizationColumns.Detections),
        ("particle", LocalizationColumns.Particle));

    /// <param name="pixelSizeNm">Kept in the table for later conversions; ThunderSTORM positions need none.</param>
    public static LocalizationTable Read(TextReader reader, string? pathForMessages = null, double? pixelSizeNm = null) =>
        Read(new CsvLineReader(reader, pathForMessages), pixelSizeNm);

    /// <summary>Reads the header now and the rows one at a time as they are enumerated.</summary>
    public static IEnumerable<Localization> ReadRows(TextReader reader, string? pathForMessages = null) =>
        Schema.OpenWithHeader(new CsvLineReader(reader, pathForMessages), Header).Rows();

    /// <summary>
    /// Writes the standard header (with "z [nm]" after "y [nm]" when the table has z, and "uncertainty_z [nm]",
    /// "chi2", "detections" and the track id "particle" at the end when it has them). A table without ids gets 1-based row numbers, as
    /// ThunderSTORM numbers its results; other absent values are written as NaN.
    /// </summary>
    public static void Write(TextWriter writer, LocalizationTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        var hasZ = table.Has(LocalizationColumns.Z);
        var extras = new[] { LocalizationColumns.UncertaintyZ, LocalizationColumns.Chi2, LocalizationColumns.Detections, LocalizationColumns.Particle }
            .Where(table.Has)
            .ToArray();
        var header = hasZ ? Header.Replace("\"y [nm]\",", "\"y [nm]\",\"z [nm]\",", StringComparison.Ordinal) : Header;
        writer.Write(header);
        foreach (var extra in extras)
        {
            writer.Write($",\"{Schema.NameOf(extra)}\"");
        }

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
            if (hasZ)
            {
                row.Number(l.Z);
            }

            row.Number(l.Sigma);
            row.Number(l.Intensity);
            row.Number(l.Offset);
            row.Number(l.BkgStd);
            row.Number(l.Uncertainty);
            foreach (var extra in extras)
            {
                WriteExtra(row, l, extra);
            }

            row.EndRow();
        }
    }

    internal static LocalizationTable Read(CsvLineReader lines, double? pixelSizeNm)
    {
        if (pixelSizeNm is { } px)
        {
            PixelCoordinates.Validate(px, nameof(pixelSizeNm));
        }

        var parser = Schema.OpenWithHeader(lines, Header);
        return new LocalizationTable(parser.Rows(), parser.Columns, pixelSizeNm);
    }

    private static void WriteExtra(CsvRowWriter row, Localization l, LocalizationColumns extra)
    {
        switch (extra)
        {
            case LocalizationColumns.UncertaintyZ:
                row.Number(l.UncertaintyZ);
                break;
            case LocalizationColumns.Chi2:
                row.Number(l.Chi2);
                break;
            case LocalizationColumns.Detections:
                row.Number(l.Detections);
                break;
            default:
                row.Number(l.Particle);
                break;
        }
    }
}
