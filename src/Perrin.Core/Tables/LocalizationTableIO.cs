using System.Text;
using Perrin.Core.IO;

namespace Perrin.Core.Tables;

/// <summary>
/// Reads and writes localization tables by file name. Reading streams the file line by line; writing goes through
/// <see cref="AtomicFileWriter"/>, so an existing file is only replaced by a complete one. Files are UTF-8
/// (a byte order mark is accepted) and written without a byte order mark, with LF line ends.
/// </summary>
public static class LocalizationTableIO
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Recognises the format from the file's first non-blank line.</summary>
    public static TableFormat Detect(string path)
    {
        using var reader = OpenText(path);
        return TableFormatDetector.Detect(new CsvLineReader(reader, path));
    }

    /// <param name="format">The file's format; detected from its header when null.</param>
    /// <param name="pixelSizeNm">Needed for trackpy files, whose positions are in pixels; kept in the table either way.</param>
    public static LocalizationTable Read(string path, TableFormat? format = null, double? pixelSizeNm = null)
    {
        using var reader = OpenText(path);
        return Read(reader, path, format, pixelSizeNm);
    }

    public static LocalizationTable Read(TextReader reader, string? pathForMessages, TableFormat? format = null, double? pixelSizeNm = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new CsvLineReader(reader, pathForMessages);
        return (format ?? TableFormatDetector.Detect(lines)) switch
        {
            TableFormat.ThunderStorm => ThunderStormCsv.Read(lines, pixelSizeNm),
            TableFormat.Trackpy => TrackpyCsv.Read(lines, RequirePixelSize(pathForMessages, pixelSizeNm)),
            TableFormat.SmlmChallenge => SmlmChallengeCsv.Read(lines, pixelSizeNm),
            var other => throw new ArgumentOutOfRangeException(nameof(format), other, "unknown table format"),
        };
    }

    /// <summary>Streams the rows of a file without holding them all; the file stays open until enumeration ends.</summary>
    public static IEnumerable<Localization> ReadRows(string path, TableFormat? format = null, double? pixelSizeNm = null)
    {
        using var reader = OpenText(path);
        var lines = new CsvLineReader(reader, path);
        var rows = (format ?? TableFormatDetector.Detect(lines)) switch
        {
            TableFormat.ThunderStorm => ThunderStormCsv.Schema.OpenWithHeader(lines, ThunderStormCsv.Header).Rows(),
            TableFormat.Trackpy => TrackpyCsv.ReadRows(lines, RequirePixelSize(path, pixelSizeNm)),
            TableFormat.SmlmChallenge => SmlmChallengeCsv.Open(lines).Rows(),
            var other => throw new ArgumentOutOfRangeException(nameof(format), other, "unknown table format"),
        };
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    /// <param name="pixelSizeNm">For trackpy: the pixel size to convert to pixels; the table's own when null.</param>
    /// <exception cref="ArgumentException">Writing trackpy with no pixel size given or in the table.</exception>
    public static void Write(string path, LocalizationTable table, TableFormat format, double? pixelSizeNm = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(table);
        var write = WriterFor(path, table, format, pixelSizeNm);
        using var file = new AtomicFileWriter(path);
        using (var writer = new StreamWriter(file.Stream, Utf8, 1 << 16, leaveOpen: true))
        {
            write(writer);
        }

        file.Commit();
    }

    /// <summary>Settles every argument problem before the target file is touched.</summary>
    private static Action<TextWriter> WriterFor(string path, LocalizationTable table, TableFormat format, double? pixelSizeNm)
    {
        switch (format)
        {
            case TableFormat.ThunderStorm:
                return writer => ThunderStormCsv.Write(writer, table);
            case TableFormat.SmlmChallenge:
                return writer => SmlmChallengeCsv.Write(writer, table);
            case TableFormat.Trackpy:
                var px = pixelSizeNm ?? table.PixelSizeNm ?? throw new ArgumentException(
                    $"{path}: trackpy tables are in pixels, and neither the table nor the caller gives a pixel size in nm to convert to",
                    nameof(pixelSizeNm));
                PixelCoordinates.Validate(px, nameof(pixelSizeNm));
                return writer => TrackpyCsv.Write(writer, table, px);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown table format");
        }
    }

    private static double RequirePixelSize(string? path, double? pixelSizeNm) =>
        pixelSizeNm ?? throw new PerrinFormatException(
            path,
            null,
            "trackpy positions are in pixels; a pixel size in nm is needed to convert them, and none was given");

    private static StreamReader OpenText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var options = new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan };
        return new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true, options);
    }
}
