using System.Text;
using Perrin.Core.IO;

namespace Perrin.Core.Tables;

/// <summary>
/// Reads comma-separated records one line at a time: fields may be quoted, with "" standing for a quote inside a
/// quoted field; lines end in LF, CRLF or CR; a leading UTF-8 byte order mark and blank lines are skipped. A record
/// is one physical line (no localization format puts line breaks inside a field), and a line longer than
/// <see cref="MaxLineLength"/> characters is refused so that a file without line breaks cannot exhaust memory.
/// </summary>
public sealed class CsvLineReader
{
    public const int DefaultMaxLineLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 14];
    private readonly StringBuilder _line = new();
    private readonly List<string> _last = [];
    private int _position;
    private int _length;
    private bool _skipLineFeed;
    private bool _replay;
    private int _physicalLine;

    public CsvLineReader(TextReader reader, string? pathForMessages = null, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _reader = reader;
        Path = pathForMessages;
        MaxLineLength = maxLineLength;
    }

    /// <summary>The file name used in error messages.</summary>
    public string? Path { get; }

    public int MaxLineLength { get; }

    /// <summary>1-based line number of the record last returned by <see cref="TryReadRecord"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next non-blank line into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool TryReadRecord(List<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        if (_replay)
        {
            _replay = false;
            fields.AddRange(_last);
            return true;
        }

        while (ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            LineNumber = _physicalLine;
            Split(line, fields, Path, LineNumber);
            _last.Clear();
            _last.AddRange(fields);
            return true;
        }

        LineNumber = _physicalLine;
        return false;
    }

    /// <summary>Makes the next <see cref="TryReadRecord"/> return the record just read again, with its line number.</summary>
    public void PushBack() => _replay = true;

    /// <summary>Splits one line into fields, removing the quotes around quoted fields.</summary>
    public static void Split(string line, List<string> fields, string? pathForMessages, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i = ReadQuoted(line, i + 1, fields, pathForMessages, lineNumber);
            }
            else
            {
                var comma = line.IndexOf(',', start);
                var end = comma < 0 ? line.Length : comma;
                fields.Add(line[start..end]);
                i = end;
            }

            if (i == line.Length)
            {
                return;
            }

            i++;
        }
    }

    private static int ReadQuoted(string line, int i, List<string> fields, string? path, int lineNumber)
    {
        var value = new StringBuilder();
        while (true)
        {
            if (i >= line.Length)
            {
                throw PerrinFormatException.AtLine(path, lineNumber, $"field {fields.Count + 1}: a quoted field is not closed before the end of the line");
            }

            var c = line[i++];
            if (c != '"')
            {
                value.Append(c);
            }
            else if (i < line.Length && line[i] == '"')
            {
                value.Append('"');
                i++;
            }
            else
            {
                break;
            }
        }

        while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
        {
            i++;
        }

        if (i < line.Length && line[i] != ',')
        {
            throw PerrinFormatException.AtLine(path, lineNumber, $"field {fields.Count + 1}: expected a comma after the closing quote, found '{line[i]}'");
        }

        fields.Add(value.ToString());
        return i;
    }

    private string? ReadLine()
    {
        _line.Clear();
        var sawAnything = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return sawAnything ? Finish() : null;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            sawAnything = true;
            var chunk = _buffer.AsSpan(_position, _length - _position);
            var end = chunk.IndexOfAny('\r', '\n');
            var take = end < 0 ? chunk.Length : end;
            if (_line.Length + take > MaxLineLength)
            {
                throw PerrinFormatException.AtLine(Path, _physicalLine + 1, $"the line is longer than {MaxLineLength} characters; this is not a localization table");
            }

            _line.Append(chunk[..take]);
            _position += take;
            if (end >= 0)
            {
                _skipLineFeed = _buffer[_position] == '\r';
                _position++;
                return Finish();
            }
        }
    }

    private string Finish()
    {
        _physicalLine++;
        if (_physicalLine == 1 && _line.Length > 0 && _line[0] == '\uFEFF')
        {
            _line.Remove(0, 1);
        }

        return _line.ToString();
    }
}
