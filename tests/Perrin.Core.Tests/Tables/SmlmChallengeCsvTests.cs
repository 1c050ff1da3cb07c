using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class SmlmChallengeCsvTests
{
    private static LocalizationTable Read(string text) => SmlmChallengeCsv.Read(new StringReader(text), "gt.csv");

    [Fact]
    public void ReadsGroundTruthWithHeader()
    {
        var table = Read("Ground-truth,frame,xnano,ynano,znano,intensity\n1,1,4437.3,3571.2,-285.7,2541.2\n2,3,100,200,0,1500\n");
        Assert.Equal(LocalizationColumns.Required | LocalizationColumns.Id | LocalizationColumns.Z | LocalizationColumns.Intensity, table.Columns);
        var first = table.Rows[0];
        Assert.Equal((1L, 0, 4437.3, 3571.2, -285.7, 2541.2), (first.Id, first.Frame, first.X, first.Y, first.Z, first.Intensity));
        Assert.Equal(2, table.Rows[1].Frame);
    }

    [Fact]
    public void ReadsActivationsWithoutHeaderInTheSameColumnOrder()
    {
        var withHeader = Read("Ground-truth,frame,xnano,ynano,znano,intensity\n1,1,4437.3,3571.2,-285.7,2541.2\n2,3,100,200,0,1500\n");
        var headerless = Read("1,1,4437.3,3571.2,-285.7,2541.2\r\n2,3,100,200,0,1500\r\n");
        LocalizationAssert.Equal(withHeader.Rows, headerless.Rows);
        Assert.Equal(withHeader.Columns, headerless.Columns);
    }

    [Fact]
    public void ReadsReorderedHeader()
    {
        var row = Assert.Single(Read("frame,intensity,ynano,xnano\n2,10,20,30\n").Rows);
        Assert.Equal((1, 30.0, 20.0, 10.0), (row.Frame, row.X, row.Y, row.Intensity));
        Assert.True(double.IsNaN(row.Z));
    }

    [Fact]
    public void WritesHeaderAndOneBasedFrames()
    {
        var table = new LocalizationTable([new Localization(0, 0.1, 1e-300) { Z = -0.0, Intensity = 123456.789012345 }], LocalizationColumns.Required);
        var text = new StringWriter();
        SmlmChallengeCsv.Write(text, table);
        Assert.Equal("Ground-truth,frame,xnano,ynano,znano,intensity\n1,1,0.1,1E-300,-0,123456.789012345\n", text.ToString());
    }
}
