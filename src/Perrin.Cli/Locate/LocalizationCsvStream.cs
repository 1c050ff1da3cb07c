using System.Text;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Cli.Locate;

/// <summary>
/// Writes a localization table in chunks as frames are processed, so that no movie's worth of rows is ever held,
/// through an <see cref="AtomicFileWriter"/>: the target appears only complete. Each chunk is formatted by Core's
/// table writer, and all but the first chunk's header line are dropped, so the file is byte for byte what that
/// writer gives for the whole table. ThunderSTORM ids count on across chunks.
/// </summary>
internal sealed class LocalizationCsvStream : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly AtomicFileWriter _file;
    private readonly StreamWriter _writer;
    private readonly StringWriter _chunk = new(System.Globalization.CultureInfo.InvariantCulture);
    private readonly TableFormat _format;
    private readonly LocalizationColumns _columns;
    private readonly double _pixelSizeNm;
    private bool _started;
    private bool _committed;

    public LocalizationCsvStream(string path, TableFormat format, LocalizationColumns columns, double pixelSizeNm)
    {
        _format = format;
        _columns = columns | LocalizationColumns.Id;
        _pixelSizeNm = pixelSizeNm;
        _file = new AtomicFileWriter(path);
        _writer = new StreamWriter(_file.Stream, Utf8, 1 << 16, leaveOpen: true);
    }

    public long Count { get; private set; }

    public void Append(List<Localization> rows)
    {
        if (rows.Count == 0 && _started)
        {
            return;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Id = Count + i + 1 };
        }

        var table = new LocalizationTable(rows, _columns, _pixelSizeNm);
        var text = _chunk.GetStringBuilder().Clear();
        if (_format == TableFormat.Trackpy)
        {
            TrackpyCsv.Write(_chunk, table, _pixelSizeNm);
        }
        else
        {
            ThunderStormCsv.Write(_chunk, table);
        }

        if (_started)
        {
            var header = 0;
            while (header < text.Length && text[header] != '\n')
            {
                header++;
            }

            text.Remove(0, Math.Min(header + 1, text.Length));
        }

        _writer.Write(text);
        _started = true;
        Count += rows.Count;
    }

    public void Commit()
    {
        if (!_started)
        {
            Append([]);
        }

        _writer.Flush();
        _file.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        _chunk.Dispose();
        if (!_committed)
        {
            // The writer would flush into a file that Commit has closed.
            _writer.Dispose();
        }

        _file.Dispose();
    }
}
