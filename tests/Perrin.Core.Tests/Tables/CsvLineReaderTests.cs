using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class CsvLineReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text, int maxLineLength = CsvLineReader.DefaultMaxLineLength)
    {
        var reader = new CsvLineReader(new StringReader(text), "t.csv", maxLineLength);
        var result = new List<(int, string[])>();
        var fields = new List<string>();
        while (reader.TryReadRecord(fields))
        {
            result.Add((reader.LineNumber, fields.ToArray()));
        }

        return result;
    }

    [Fact]
    public void QuotedFieldsLoseTheirQuotesAndDoubledQuotesBecomeOne()
    {
        var records = ReadAll("\"a\",\"b \"\"c\"\"\",d, \"e,f\" \n");
        Assert.Equal(["a", "b \"c\"", "d", "e,f"], records.Single().Fields);
    }

    [Fact]
    public void EmptyFieldsAndATrailingCommaGiveEmptyStrings()
    {
        Assert.Equal(["", "y", "", ""], ReadAll(",y,,").Single().Fields);
    }

    [Theory]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\r\nc,d")]
    [InlineData("\uFEFFa,b\nc,d\n\n\n")]
    [InlineData("a,b\n   \nc,d\r\n\r\n")]
    public void LineEndingsByteOrderMarkAndBlankLinesAreHandled(string text)
    {
        var records = ReadAll(text);
        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["c", "d"], records[1].Fields);
    }

    [Fact]
    public void LineNumbersCountBlankLines()
    {
        var records = ReadAll("a\n\n\nb\r\n\r\nc");
        Assert.Equal([1, 4, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void CarriageReturnLineFeedSplitAcrossTheBufferIsOneLineEnd()
    {
        var first = new string('x', (1 << 14) - 1);
        var records = ReadAll(first + "\r\ny\n");
        Assert.Equal([(1, first), (2, "y")], records.Select(r => (r.Line, r.Fields[0])));
    }

    [Fact]
    public void PushBackReplaysTheLastRecordWithItsLineNumber()
    {
        var reader = new CsvLineReader(new StringReader("\na,b\nc\n"), "t.csv");
        var fields = new List<string>();
        Assert.True(reader.TryReadRecord(fields));
        reader.PushBack();
        Assert.True(reader.TryReadRecord(fields));
        Assert.Equal((2, "a,b"), (reader.LineNumber, string.Join(",", fields)));
        Assert.True(reader.TryReadRecord(fields));
        Assert.Equal((3, "c"), (reader.LineNumber, fields[0]));
        Assert.False(reader.TryReadRecord(fields));
    }

    [Fact]
    public void UnclosedQuoteIsAFormatErrorNamingTheLine()
    {
        var error = Assert.Throws<PerrinFormatException>(() => ReadAll("a,b\n1,\"2\n"));
        Assert.Equal(2, error.Line);
        Assert.Equal("t.csv, line 2: field 2: a quoted field is not closed before the end of the line", error.Message);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsAFormatError()
    {
        var error = Assert.Throws<PerrinFormatException>(() => ReadAll("\"a\"b,c"));
        Assert.Equal("t.csv, line 1: field 1: expected a comma after the closing quote, found 'b'", error.Message);
    }

    [Fact]
    public void OverlongLineIsRefusedBeforeItIsHeld()
    {
        var error = Assert.Throws<PerrinFormatException>(() => ReadAll("ok\n" + new string('1', 101), maxLineLength: 100));
        Assert.Equal(2, error.Line);
        Assert.Contains("longer than 100 characters", error.Message, StringComparison.Ordinal);
    }
}
