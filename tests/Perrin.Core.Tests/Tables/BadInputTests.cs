using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class BadInputTests
{
    private const string Ts = "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"sigma [nm]\",\"intensity [photon]\",\"offset [photon]\",\"bkgstd [photon]\",\"uncertainty [nm]\"\n";

    public static TheoryData<TableFormat?, string, int, string> Cases() => new()
    {
        { null, "", 1, "the file is empty; expected a localization table (" },
        { TableFormat.ThunderStorm, "\n\n", 1, "the file is empty; expected the ThunderSTORM header \"id\"," },
        { null, "a,b,c\n1,2,3\n", 1, "unrecognised localization table header 'a,b,c'; expected a ThunderSTORM header" },
        { TableFormat.ThunderStorm, "a,b,c\n1,2,3\n", 1, "missing required column 'frame' for a ThunderSTORM table; the header has 'a', 'b', 'c'" },
        { TableFormat.ThunderStorm, "\"frame\",\"y [nm]\",\"x [px]\"\n", 1, "missing required column 'x [nm]' for a ThunderSTORM table; the header has 'frame', 'y [nm]', 'x [px]'" },
        { TableFormat.Trackpy, "frame,y,mass\n", 1, "missing required column 'x' for a trackpy table; the header has 'frame', 'y', 'mass'" },
        { null, Ts + "1,1,abc,2,3,4,5,6,7\n", 2, "column 'x [nm]': expected a number, found 'abc'" },
        { null, Ts + "1,1,1,2,3,4,5,6,7\n2,1,,2,3,4,5,6,7\n", 3, "column 'x [nm]': expected a number, found an empty cell" },
        { null, Ts + "1,1,NaN,2,3,4,5,6,7\n", 2, "column 'x [nm]': expected a finite number, found 'NaN'" },
        { null, Ts + "1,1,1,-Infinity,3,4,5,6,7\n", 2, "column 'y [nm]': expected a finite number, found '-Infinity'" },
        { null, Ts + "1,NaN,1,2,3,4,5,6,7\n", 2, "column 'frame': expected a whole frame number ≥ 1, found 'NaN'" },
        { null, Ts + "1,0,1,2,3,4,5,6,7\n", 2, "column 'frame': expected a whole frame number ≥ 1, found '0'" },
        { null, Ts + "1,2.5,1,2,3,4,5,6,7\n", 2, "column 'frame': expected a whole frame number ≥ 1, found '2.5'" },
        { null, Ts + "1,1e300,1,2,3,4,5,6,7\n", 2, "column 'frame': expected a whole frame number ≥ 1, found '1e300'" },
        { null, Ts + "1,2147483649,1,2,3,4,5,6,7\n", 2, "column 'frame': expected a whole frame number ≥ 1, found '2147483649'" },
        { null, Ts + "1,1,1,2,1O,4,5,6,7\n", 2, "column 'sigma [nm]': expected a number, found '1O'" },
        { null, Ts + "1.5,1,1,2,3,4,5,6,7\n", 2, "column 'id': expected a whole number, found '1.5'" },
        { null, Ts + "1,1,1,2,3,4,5,6\n", 2, "expected 9 fields as in the header, found 8" },
        { null, Ts + "\n\n1,1,1,2,3,4,5,6,7,8\n", 4, "expected 9 fields as in the header, found 10" },
        { null, "\"frame\",\"x [nm]\",\"y [nm]\",\"detections\"\n1,2,3,-1\n", 2, "column 'detections': expected a whole number ≥ 0, found '-1'" },
        { null, "\"frame\",\"x [nm]\",\"y [nm]\",\"uncertainty [nm]\",\"uncertainty_xy [nm]\"\n", 1, "column 'uncertainty_xy [nm]' gives the same quantity as column 'uncertainty [nm]'" },
        { null, "frame,x,y\n-1,2,3\n", 2, "column 'frame': expected a whole frame number ≥ 0, found '-1'" },
        { null, ",y,x,frame\n0,1,2,\n", 2, "column 'frame': expected a whole frame number ≥ 0, found an empty cell" },
        { null, "frame,x,y\n0,1e307,3\n", 2, "column 'x': expected a position in pixels small enough to express in nanometres (pixel size 100 nm), found '1e307'" },
        { null, "1,1,2,3,4,5\n1,2,3\n", 2, "expected 6 fields (Ground-truth, frame, xnano, ynano, znano, intensity), found 3" },
        { null, "1,1,2,3,4,5\n2,0,3,4,5,6\n", 2, "column 'frame': expected a whole frame number ≥ 1, found '0'" },
        { TableFormat.SmlmChallenge, "Ground-truth,frame,xnano,ynano,znano,intensity\n1,1,2,y,4,5\n", 2, "column 'ynano': expected a number, found 'y'" },
        { null, Ts + "1,1,\"2\"x,2,3,4,5,6,7\n", 2, "field 3: expected a comma after the closing quote, found 'x'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputNamesFileLineColumnAndExpectation(TableFormat? format, string text, int line, string problem)
    {
        var error = Assert.Throws<PerrinFormatException>(() => LocalizationTableIO.Read(new StringReader(text), "bad.csv", format, 100));
        Assert.Equal(line, error.Line);
        Assert.Equal("bad.csv", error.FilePath);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"bad.csv, line {line}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamingReportsTheBadLineWhenItIsReached()
    {
        var rows = ThunderStormCsv.ReadRows(new StringReader(Ts + "1,1,1,2,3,4,5,6,7\n1,1,x,2,3,4,5,6,7\n"), "s.csv");
        using var enumerator = rows.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var error = Assert.Throws<PerrinFormatException>(() => enumerator.MoveNext());
        Assert.Equal("s.csv, line 3: column 'x [nm]': expected a number, found 'x'", error.Message);
    }

    [Fact]
    public void TrackpyWithoutPixelSizeIsAClearFormatError()
    {
        var error = Assert.Throws<PerrinFormatException>(() => LocalizationTableIO.Read(new StringReader("frame,x,y\n0,1,2\n"), "tp.csv"));
        Assert.Equal("tp.csv: trackpy positions are in pixels; a pixel size in nm is needed to convert them, and none was given", error.Message);
    }
}
