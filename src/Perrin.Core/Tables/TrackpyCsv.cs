namespace Perrin.Core.Tables;

/// <summary>
/// trackpy-style CSV, as <c>DataFrame.to_csv</c> writes trackpy's results: positions in pixels with (0, 0) at the
/// centre of the first pixel, frames 0-based (trackpy's default numbering). The reader takes the columns in any
/// order (trackpy itself orders them y, x, mass, …, frame), skips pandas' unnamed index column and any other
/// unknown column, reads empty cells as NaN, and accepts an optional z in the same pixel units and origin
/// convention as x and y (isotropic voxels). Positions are converted to nanometres with
/// <see cref="PixelCoordinates"/>; trackpy's other columns keep their own units.
/// </summary>
public static class TrackpyCsv
{
    /// <summary>The header <see cref="Write"/> writes for a 2D table without track ids.</summary>
    public const string Header = "frame,x,y,mass,size,ecc,signal,raw_mass,ep";

    internal static readonly CsvSchema Schema = new(
        "trackpy",
        0,
        ("frame", LocalizationColumns.Frame),
        ("x", LocalizationColumns.X),
        ("y", LocalizationColumns.Y),
        ("z", LocalizationColumns.Z),
        ("mass", LocalizationColumns.Mass),
        ("size", LocalizationColumns.Size),
        ("ecc", LocalizationColumns.Ecc),
        ("signal", LocalizationColumns.Signal),
        ("raw_mass", LocalizationColumns.RawMass),
        ("ep", LocalizationColumns.Ep),
        ("particle", LocalizationColumns.Particle));

    public static LocalizationTable Read(TextReader reader, string? pathForMessages, double pixelSizeNm) =>
        Read(new CsvLineReader(reader, pathForMessages), pixelSizeNm);

    /// <summary>Reads the header now and the rows one at a time as they are enumerated.</summary>
    public static IEnumerable<Localization> ReadRows(TextReader reader, string? pathForMessages, double pixelSizeNm) =>
        ReadRows(new CsvLineReader(reader, pathForMessages), pixelSizeNm);

    /// <summary>
    /// Writes <see cref="Header"/>, with ",z" after y when the table has z and ",particle" at the end when it has
    /// track ids. Absent values are written as NaN, which pandas reads as missing.
    /// </summary>
    public static void Write(TextWriter writer, LocalizationTable table, double pixelSizeNm)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        var hasZ = table.Has(LocalizationColumns.Z);
        var hasParticle = table.Has(LocalizationColumns.Particle);
        writer.Write(hasZ ? Header.Replace("x,y,", "x,y,z,", StringComparison.Ordinal) : Header);
        writer.Write(hasParticle ? ",particle\n" : "\n");
        var row = new CsvRowWriter(writer);
        foreach (var l in table.Rows)
        {
            row.Number((long)l.Frame);
            row.Number(PixelCoordinates.ToPixels(l.X, pixelSizeNm));
            row.Number(PixelCoordinates.ToPixels(l.Y, pixelSizeNm));
            if (hasZ)
            {
                row.Number(PixelCoordinates.ToPixels(l.Z, pixelSizeNm));
            }

            row.Number(l.Mass);
            row.Number(l.Size);
            row.Number(l.Ecc);
            row.Number(l.Signal);
            row.Number(l.RawMass);
            row.Number(l.Ep);
            if (hasParticle)
            {
                row.Number(l.Particle);
            }

            row.EndRow();
        }
    }

    internal static LocalizationTable Read(CsvLineReader lines, double pixelSizeNm)
    {
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        var parser = Schema.OpenWithHeader(lines, Header, pixelSizeNm);
        return new LocalizationTable(parser.Rows(), parser.Columns, pixelSizeNm);
    }

    internal static IEnumerable<Localization> ReadRows(CsvLineReader lines, double pixelSizeNm)
    {
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        return Schema.OpenWithHeader(lines, Header, pixelSizeNm).Rows();
    }
}
