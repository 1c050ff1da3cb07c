using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class TrackpyCsvTests
{
    private static string Write(LocalizationTable table, double pixelSizeNm)
    {
        var text = new StringWriter();
        TrackpyCsv.Write(text, table, pixelSizeNm);
        return text.ToString();
    }

    private static LocalizationTable Read(string text, double pixelSizeNm = 100) => TrackpyCsv.Read(new StringReader(text), "tp.csv", pixelSizeNm);

    [Fact]
    public void HeaderIsExact()
    {
        Assert.Equal("frame,x,y,mass,size,ecc,signal,raw_mass,ep", TrackpyCsv.Header);
    }

    [Fact]
    public void HandComputedPixelExampleAt100Nm()
    {
        // trackpy x = 0 is the centre of the first pixel: 50 nm from its left edge; 12.25 px is (12.25 + 0.5)·100 nm.
        var table = Read("frame,x,y,mass,size,ecc,signal,raw_mass,ep\n0,0,12.25,1,2,3,4,5,6\n");
        var row = Assert.Single(table.Rows);
        Assert.Equal((0, 50.0, 1275.0), (row.Frame, row.X, row.Y));
        Assert.Equal((1.0, 2.0, 3.0, 4.0, 5.0, 6.0), (row.Mass, row.Size, row.Ecc, row.Signal, row.RawMass, row.Ep));
        Assert.Equal(100.0, table.PixelSizeNm);
        Assert.Equal(LocalizationColumns.Trackpy, table.Columns);

        var back = new LocalizationTable([new Localization(0, 50, 1275) { Mass = 1, Size = 2, Ecc = 3, Signal = 4, RawMass = 5, Ep = 6 }], LocalizationColumns.Trackpy);
        Assert.Equal("frame,x,y,mass,size,ecc,signal,raw_mass,ep\n0,0,12.25,1,2,3,4,5,6\n", Write(back, 100));
    }

    [Fact]
    public void ReadsTrackpysColumnOrderWithPandasIndexAndEmptyCells()
    {
        const string Text =
            ",y,x,mass,size,ecc,signal,raw_mass,ep,frame,particle\n" +
            "0,3.5,-0.5,120.5,1.25,0.05,9,300,,7,2\n" +
            "1,0,0,1,1,1,1,1,0.1,8,\n";
        var table = Read(Text, pixelSizeNm: 160);
        Assert.Equal(LocalizationColumns.Trackpy | LocalizationColumns.Particle, table.Columns);
        var first = table.Rows[0];
        Assert.Equal((7, 0.0, 640.0, 120.5, 2L), (first.Frame, first.X, first.Y, first.Mass, first.Particle));
        Assert.True(double.IsNaN(first.Ep));
        Assert.Null(table.Rows[1].Particle);
    }

    [Fact]
    public void ReadsQuotedHeaderAndOptionalZ()
    {
        var row = Assert.Single(Read("\"\",\"frame\",\"z\",\"y\",\"x\"\n5,2,1.5,0,-0.25\n").Rows);
        Assert.Equal((2, 25.0, 50.0, 200.0), (row.Frame, row.X, row.Y, row.Z));
    }

    [Fact]
    public void WriterAddsZAfterYAndParticleAtTheEnd()
    {
        var table = new LocalizationTable(
            [new Localization(3, 50, 150) { Z = 250, Particle = 9 }],
            LocalizationColumns.Z | LocalizationColumns.Particle);
        Assert.Equal("frame,x,y,z,mass,size,ecc,signal,raw_mass,ep,particle\n3,0,1,2,NaN,NaN,NaN,NaN,NaN,NaN,9\n", Write(table, 100));
    }

    [Fact]
    public void PositionsOnThePixelGridConvertExactlyBothWays()
    {
        var rows = Enumerable.Range(-5, 200).Select(k => new Localization(0, (k + 0.5) * 107.5, (k * 0.25 + 0.5) * 107.5)).ToList();
        var text = Write(new LocalizationTable(rows, LocalizationColumns.Required), 107.5);
        var lines = text.Split('\n');
        Assert.Equal("0,-5,-1.25,NaN,NaN,NaN,NaN,NaN,NaN", lines[1]);
        Assert.Equal("0,194,48.5,NaN,NaN,NaN,NaN,NaN,NaN", lines[200]);
        LocalizationAssert.Equal(rows, Read(text, 107.5).Rows);
    }

    [Fact]
    public void WrittenByPandasStyleFloatFramesAreAccepted()
    {
        Assert.Equal(3, Assert.Single(Read("frame,x,y\n3.0,1,1\n").Rows).Frame);
    }
}
