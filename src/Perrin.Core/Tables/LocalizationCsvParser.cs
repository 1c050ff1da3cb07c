using Perrin.Core.IO;

namespace Perrin.Core.Tables;

/// <summary>
/// Turns the records after a header into localizations with 0-based frames. Positions are taken as nanometres,
/// or, when <paramref name="pixelSizeNm"/> is given, as trackpy pixel coordinates converted to nanometres here,
/// where a position too large to convert can still be reported with its line. Every cell is checked: a bad one
/// stops the read with its line, column and what was expected.
/// </summary>
internal sealed class LocalizationCsvParser(CsvLineReader lines, ColumnBinding binding, int frameBase, double? pixelSizeNm = null)
{
    public LocalizationColumns Columns => binding.Present;

    public IEnumerable<Localization> Rows()
    {
        var fields = new List<string>();
        var builder = new LocalizationBuilder();
        var count = binding.Columns.Count;
        while (lines.TryReadRecord(fields))
        {
            if (fields.Count != count)
            {
                throw PerrinFormatException.AtLine(lines.Path, lines.LineNumber, $"expected {count} fields {binding.Shape}, found {fields.Count}");
            }

            builder.Reset();
            for (var i = 0; i < count; i++)
            {
                Assign(builder, binding.Columns[i], binding.Labels[i], fields[i]);
            }

            yield return builder.Build();
        }
    }

    private void Assign(LocalizationBuilder builder, LocalizationColumns column, string label, string cell)
    {
        switch (column)
        {
            case LocalizationColumns.None:
                break;
            case LocalizationColumns.Frame:
                builder.SetFrame(ParseFrame(label, cell));
                break;
            case LocalizationColumns.X or LocalizationColumns.Y:
                builder.SetReal(column, ParsePosition(label, cell));
                break;
            case LocalizationColumns.Z when pixelSizeNm is { } px:
                builder.SetReal(column, PixelCoordinates.ToNanometres(ParseReal(label, cell), px));
                break;
            case LocalizationColumns.Id or LocalizationColumns.Particle:
                builder.SetWhole(column, ParseWhole(label, cell, long.MinValue, long.MaxValue));
                break;
            case LocalizationColumns.Detections:
                builder.SetWhole(column, ParseWhole(label, cell, 0, int.MaxValue));
                break;
            default:
                builder.SetReal(column, ParseReal(label, cell));
                break;
        }
    }

    private int ParseFrame(string label, string cell)
    {
        if (!CsvNumbers.TryParseWhole(cell, out var frame) || frame < frameBase || frame - frameBase > int.MaxValue)
        {
            throw Bad(label, $"a whole frame number ≥ {frameBase}", cell);
        }

        return (int)(frame - frameBase);
    }

    private double ParsePosition(string label, string cell)
    {
        if (!CsvNumbers.TryParseDouble(cell, out var value))
        {
            throw Bad(label, "a number", cell);
        }

        if (!double.IsFinite(value))
        {
            throw Bad(label, "a finite number", cell);
        }

        if (pixelSizeNm is { } px)
        {
            value = PixelCoordinates.ToNanometres(value, px);
            if (!double.IsFinite(value))
            {
                throw Bad(label, $"a position in pixels small enough to express in nanometres (pixel size {CsvNumbers.Format(px)} nm)", cell);
            }
        }

        return value;
    }

    private double ParseReal(string label, string cell)
    {
        if (CsvNumbers.IsMissing(cell))
        {
            return double.NaN;
        }

        return CsvNumbers.TryParseDouble(cell, out var value) ? value : throw Bad(label, "a number", cell);
    }

    private long? ParseWhole(string label, string cell, long min, long max)
    {
        if (CsvNumbers.IsMissing(cell))
        {
            return null;
        }

        if (!CsvNumbers.TryParseWhole(cell, out var value) || value < min || value > max)
        {
            throw Bad(label, min == 0 ? "a whole number ≥ 0" : "a whole number", cell);
        }

        return value;
    }

    private PerrinFormatException Bad(string label, string expected, string cell) =>
        PerrinFormatException.AtLine(lines.Path, lines.LineNumber, $"column '{label}': expected {expected}, found {CsvNumbers.Describe(cell)}");
}
