using System.Globalization;

namespace Perrin.Core.Tables;

/// <summary>Writes comma-separated rows, LF-terminated, with numbers in their shortest round-trip form.</summary>
internal sealed class CsvRowWriter(TextWriter writer)
{
    private bool _rowStarted;

    public void Text(string text)
    {
        Separate();
        writer.Write(text);
    }

    public void Number(double value)
    {
        Separate();
        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..written]);
        }
        else
        {
            writer.Write(CsvNumbers.Format(value));
        }
    }

    public void Number(long value)
    {
        Separate();
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>A whole number that may be absent: absent is written as NaN, which every reader of these formats accepts.</summary>
    public void Number(long? value)
    {
        if (value is { } v)
        {
            Number(v);
        }
        else
        {
            Number(double.NaN);
        }
    }

    public void EndRow()
    {
        writer.Write('\n');
        _rowStarted = false;
    }

    private void Separate()
    {
        if (_rowStarted)
        {
            writer.Write(',');
        }

        _rowStarted = true;
    }
}
