using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class ThunderStormCsvTests
{
    private const string StandardHeader =
        "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"sigma [nm]\",\"intensity [photon]\",\"offset [photon]\",\"bkgstd [photon]\",\"uncertainty [nm]\"";

    private static string Write(LocalizationTable table)
    {
        var text = new StringWriter();
        ThunderStormCsv.Write(text, table);
        return text.ToString();
    }

    private static LocalizationTable Read(string text) => ThunderStormCsv.Read(new StringReader(text), "ts.csv");

    [Fact]
    public void HeaderIsThunderStormsExactly()
    {
        Assert.Equal(StandardHeader, ThunderStormCsv.Header);
    }

    [Fact]
    public void WritesKnownTextWithOneBasedFrames()
    {
        var table = new LocalizationTable(
            [
                new Localization(0, 1275, 50) { Id = 7, Sigma = 130.5, Intensity = 1000, Offset = 12.5, BkgStd = 3.25, Uncertainty = 0.1 },
                new Localization(4, 0.1, 1e-300) { Id = 8, Sigma = double.NaN, Intensity = 123456.789012345, Offset = -0.0, BkgStd = 1e21, Uncertainty = 5 },
            ],
            LocalizationColumns.ThunderStorm);
        var expected = StandardHeader + "\n" +
            "7,1,1275,50,130.5,1000,12.5,3.25,0.1\n" +
            "8,5,0.1,1E-300,NaN,123456.789012345,-0,1E+21,5\n";
        Assert.Equal(expected, Write(table));
    }

    [Fact]
    public void ZColumnIsWrittenAfterYOnlyWhenTheTableHasZ()
    {
        var table = new LocalizationTable([new Localization(0, 1, 2) { Z = -350.5 }], LocalizationColumns.Z);
        Assert.Equal(
            "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"z [nm]\",\"sigma [nm]\",\"intensity [photon]\",\"offset [photon]\",\"bkgstd [photon]\",\"uncertainty [nm]\"\n" +
            "1,1,1,2,-350.5,NaN,NaN,NaN,NaN,NaN\n",
            Write(table));
    }

    [Fact]
    public void ExtraColumnsAreAppendedWhenPresent()
    {
        var table = new LocalizationTable(
            [new Localization(2, 1, 2) { Id = 3, Chi2 = 1.5, Detections = 4 }],
            LocalizationColumns.ThunderStorm | LocalizationColumns.Chi2 | LocalizationColumns.Detections);
        Assert.Equal(StandardHeader + ",\"chi2\",\"detections\"\n3,3,1,2,NaN,NaN,NaN,NaN,NaN,1.5,4\n", Write(table));
    }

    [Fact]
    public void TrackIdsAreWrittenAsAParticleColumnAndReadBack()
    {
        var table = new LocalizationTable(
            [new Localization(2, 1, 2) { Id = 3, Particle = 12 }, new Localization(3, 4, 5) { Id = 4 }],
            LocalizationColumns.ThunderStorm | LocalizationColumns.Particle);
        var text = Write(table);
        Assert.Equal(StandardHeader + ",\"particle\"\n3,3,1,2,NaN,NaN,NaN,NaN,NaN,12\n4,4,4,5,NaN,NaN,NaN,NaN,NaN,NaN\n", text);
        var read = Read(text);
        Assert.Equal(LocalizationColumns.ThunderStorm | LocalizationColumns.Particle, read.Columns);
        Assert.Equal([12L, null], read.Rows.Select(r => r.Particle));
    }

    [Fact]
    public void TrackIdsAreWrittenLastAsParticleAndReadBack()
    {
        var table = new LocalizationTable(
            [new Localization(0, 1, 2) { Id = 1, Particle = 0 }, new Localization(1, 3, 4) { Id = 2, Particle = 12 }],
            LocalizationColumns.ThunderStorm | LocalizationColumns.Detections | LocalizationColumns.Particle);
        var text = Write(table);
        Assert.Equal(StandardHeader + ",\"detections\",\"particle\"\n1,1,1,2,NaN,NaN,NaN,NaN,NaN,NaN,0\n2,2,3,4,NaN,NaN,NaN,NaN,NaN,NaN,12\n", text);
        var back = Read(text);
        Assert.True(back.Has(LocalizationColumns.Particle));
        Assert.Equal(new long?[] { 0, 12 }, back.Rows.Select(r => r.Particle));
    }

    [Fact]
    public void TableWithoutIdsIsNumberedFromOne()
    {
        var table = new LocalizationTable([new Localization(0, 1, 2), new Localization(0, 3, 4)], LocalizationColumns.Required);
        var read = Read(Write(table));
        Assert.Equal([1L, 2L], read.Rows.Select(r => r.Id));
    }

    [Fact]
    public void ReadsThunderStormsOwnOutputWithFloatFramesAndIds()
    {
        var table = Read(StandardHeader + "\r\n1.0,1.0,3394.3,1578.6,134.5,1031.9,66.2,9.6,7.4\r\n2.0,3.0,10.5,20.25,100,200,10,2,5\r\n");
        Assert.Equal(2, table.Count);
        Assert.Equal(LocalizationColumns.ThunderStorm, table.Columns);
        var first = table.Rows[0];
        Assert.Equal((1L, 0, 3394.3, 1578.6, 134.5, 1031.9, 66.2, 9.6, 7.4), (first.Id, first.Frame, first.X, first.Y, first.Sigma, first.Intensity, first.Offset, first.BkgStd, first.Uncertainty));
        Assert.Equal(2, table.Rows[1].Frame);
        Assert.Null(table.PixelSizeNm);
    }

    [Fact]
    public void ReadsUnquotedReorderedHeadersAndIgnoresUnknownColumns()
    {
        var table = Read("y [nm], frame ,notes,\"x [nm]\",sigma1 [nm],uncertainty_xy [nm],uncertainty_z [nm],z [nm]\n20,3,\"a, b\",10,99,1.5,2.5,-40\n");
        var row = Assert.Single(table.Rows);
        Assert.Equal((2, 10.0, 20.0, -40.0, 1.5, 2.5), (row.Frame, row.X, row.Y, row.Z, row.Uncertainty, row.UncertaintyZ));
        Assert.True(double.IsNaN(row.Sigma));
        Assert.Null(row.Id);
        Assert.Equal(
            LocalizationColumns.Required | LocalizationColumns.Z | LocalizationColumns.Uncertainty | LocalizationColumns.UncertaintyZ,
            table.Columns);
    }

    [Fact]
    public void HeaderOnlyFileIsAnEmptyTable()
    {
        var table = Read(StandardHeader + "\n");
        Assert.Equal(0, table.Count);
        Assert.Equal(LocalizationColumns.ThunderStorm, table.Columns);
    }

    [Fact]
    public void AwkwardDoublesRoundTripBitExactly()
    {
        double[] awkward = [0.1, 1e-300, 123456.789012345, -0.0, 5e-324, double.MaxValue, 1.0 / 3.0, 2.2250738585072014E-308];
        var rows = awkward.Select((v, i) => new Localization(i, v, -v)
        {
            Id = i, Sigma = v, Intensity = v * 3, Offset = -v, BkgStd = v / 7, Uncertainty = double.PositiveInfinity,
        }).ToList();
        var table = new LocalizationTable(rows, LocalizationColumns.ThunderStorm);
        var read = Read(Write(table));
        LocalizationAssert.Equal(rows, read.Rows);
        Assert.Equal(table.Columns, read.Columns);
        Assert.Equal(Write(table), Write(read));
    }

    [Fact]
    public void StreamingRowsMatchTheTable()
    {
        const string Text = StandardHeader + "\n1,1,1,2,3,4,5,6,7\n2,2,8,9,10,11,12,13,14\n";
        LocalizationAssert.Equal(Read(Text).Rows, ThunderStormCsv.ReadRows(new StringReader(Text)).ToList());
    }
}
