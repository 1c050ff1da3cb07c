using System.Text;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public sealed class LocalizationTableIOTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Save(string name, string text, bool byteOrderMark = false)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(byteOrderMark));
        return path;
    }

    [Theory]
    [InlineData("\"id\",\"frame\",\"x [nm]\",\"y [nm]\"\n", TableFormat.ThunderStorm)]
    [InlineData("frame,x [nm],y [nm]\n", TableFormat.ThunderStorm)]
    [InlineData("\n\nframe,x,y,mass,size,ecc,signal,raw_mass,ep\n", TableFormat.Trackpy)]
    [InlineData(",y,x,mass,size,ecc,signal,raw_mass,ep,frame\n", TableFormat.Trackpy)]
    [InlineData("Ground-truth,frame,xnano,ynano,znano,intensity\n", TableFormat.SmlmChallenge)]
    [InlineData("1,1,4437.3,3571.2,-285.7,2541.2\n", TableFormat.SmlmChallenge)]
    public void DetectsTheFormatFromTheFirstLine(string text, TableFormat expected)
    {
        Assert.Equal(expected, LocalizationTableIO.Detect(Save("t.csv", text, byteOrderMark: true)));
    }

    [Fact]
    public void DetectRefusesUnknownHeaders()
    {
        var path = Save("u.csv", "time,intensity\n1,2\n");
        var error = Assert.Throws<PerrinFormatException>(() => LocalizationTableIO.Detect(path));
        Assert.Equal(1, error.Line);
        Assert.StartsWith($"{path}, line 1: unrecognised localization table header 'time,intensity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDetectsAndKeepsThePixelSize()
    {
        var path = Save("ts.csv", "\uFEFF\"id\",\"frame\",\"x [nm]\",\"y [nm]\"\r\n1,1,10,20\r\n");
        var table = LocalizationTableIO.Read(path, pixelSizeNm: 65);
        Assert.Equal((0, 10.0, 20.0, 65.0), (table.Rows[0].Frame, table.Rows[0].X, table.Rows[0].Y, table.PixelSizeNm));
    }

    [Fact]
    public void ThunderStormToTrackpyAndBackIsExactOnThePixelGridWithAHandExample()
    {
        var ts = Save(
            "in.csv",
            ThunderStormCsv.Header + "\n1,1,50,1275,120,900,10,2,8\n2,1,0.1,1e-300,120,900,10,2,8\n3,7,1e6,33.3,120,900,10,2,8\n");
        var source = LocalizationTableIO.Read(ts);
        var trackpy = _folder.File("tp.csv");
        LocalizationTableIO.Write(trackpy, source, TableFormat.Trackpy, 100);
        var lines = File.ReadAllLines(trackpy);
        Assert.Equal("frame,x,y,mass,size,ecc,signal,raw_mass,ep", lines[0]);
        Assert.Equal("0,0,12.25,NaN,NaN,NaN,NaN,NaN,NaN", lines[1]);
        Assert.Equal("6,9999.5,-0.16700000000000004,NaN,NaN,NaN,NaN,NaN,NaN", lines[3]);

        var viaPixels = LocalizationTableIO.Read(trackpy, pixelSizeNm: 100);
        var back = _folder.File("back.csv");
        LocalizationTableIO.Write(back, viaPixels, TableFormat.ThunderStorm);
        var result = LocalizationTableIO.Read(back);

        Assert.Equal((0, 50.0, 1275.0), (result.Rows[0].Frame, result.Rows[0].X, result.Rows[0].Y));
        Assert.Equal(6, result.Rows[2].Frame);
        Assert.Equal(1e6, result.Rows[2].X);
        for (var i = 0; i < source.Count; i++)
        {
            Assert.InRange(Math.Abs(result.Rows[i].X - source.Rows[i].X), 0, PixelCoordinatesTests.NanometreTolerance(source.Rows[i].X, 100));
            Assert.InRange(Math.Abs(result.Rows[i].Y - source.Rows[i].Y), 0, PixelCoordinatesTests.NanometreTolerance(source.Rows[i].Y, 100));
        }
    }

    [Fact]
    public void WritingTrackpyNeedsAPixelSize()
    {
        var table = new LocalizationTable([new Localization(0, 1, 2)], LocalizationColumns.Required);
        var path = _folder.File("tp.csv");
        var error = Assert.Throws<ArgumentException>(() => LocalizationTableIO.Write(path, table, TableFormat.Trackpy));
        Assert.Contains("pixel size", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));

        LocalizationTableIO.Write(path, table.WithPixelSize(100), TableFormat.Trackpy);
        Assert.Equal("frame,x,y,mass,size,ecc,signal,raw_mass,ep\n0,-0.49,-0.48,NaN,NaN,NaN,NaN,NaN,NaN\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteReplacesAnExistingFileAndLeavesNoTemporaryFiles()
    {
        var path = Save("out.csv", "old content");
        var table = new LocalizationTable([new Localization(0, 1, 2) { Id = 1 }], LocalizationColumns.Id);
        LocalizationTableIO.Write(path, table, TableFormat.SmlmChallenge);
        Assert.Equal("Ground-truth,frame,xnano,ynano,znano,intensity\n1,1,1,2,NaN,NaN\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Theory]
    [InlineData(TableFormat.ThunderStorm)]
    [InlineData(TableFormat.Trackpy)]
    [InlineData(TableFormat.SmlmChallenge)]
    public void StreamedRowsFromAFileEqualTheTable(TableFormat format)
    {
        var rows = Enumerable.Range(0, 50).Select(i => new Localization(i % 7, (i + 0.5) * 100, i * 12.5) { Id = i }).ToList();
        var path = _folder.File($"{format}.csv");
        LocalizationTableIO.Write(path, new LocalizationTable(rows, LocalizationColumns.Id, 100), format);
        LocalizationAssert.Equal(LocalizationTableIO.Read(path, pixelSizeNm: 100).Rows, LocalizationTableIO.ReadRows(path, format, 100).ToList());
        Assert.Equal(rows.Select(r => (r.Frame, r.X)), LocalizationTableIO.ReadRows(path, null, 100).Select(r => (r.Frame, r.X)));
    }
}
