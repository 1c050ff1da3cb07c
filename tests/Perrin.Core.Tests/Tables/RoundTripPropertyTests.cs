using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class RoundTripPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static bool SameTable(LocalizationTable expected, LocalizationTable actual) =>
        expected.Columns == actual.Columns && LocalizationAssert.FirstDifference(expected.Rows, actual.Rows) is null;

    [Fact]
    public void ThunderStormWriteThenReadGivesIdenticalRows()
    {
        Prop.ForAll(TableGenerators.ThunderStorm.ToArbitrary(), table =>
        {
            var text = new StringWriter();
            ThunderStormCsv.Write(text, table);
            return SameTable(table, ThunderStormCsv.Read(new StringReader(text.ToString())));
        }).Check(Runs);
    }

    [Fact]
    public void SmlmChallengeWriteThenReadGivesIdenticalRows()
    {
        Prop.ForAll(TableGenerators.SmlmChallenge.ToArbitrary(), table =>
        {
            var text = new StringWriter();
            SmlmChallengeCsv.Write(text, table);
            return SameTable(table, SmlmChallengeCsv.Read(new StringReader(text.ToString())));
        }).Check(Runs);
    }

    [Fact]
    public void TrackpyWriteThenReadGivesIdenticalRowsOnTheSubPixelGrid()
    {
        Prop.ForAll(TableGenerators.TrackpyOnGrid.ToArbitrary(), table =>
        {
            var px = table.PixelSizeNm!.Value;
            var text = new StringWriter();
            TrackpyCsv.Write(text, table, px);
            var read = TrackpyCsv.Read(new StringReader(text.ToString()), null, px);
            return SameTable(table, read) && read.PixelSizeNm == px;
        }).Check(Runs);
    }

    [Fact]
    public void TrackpyTextSurvivesReadThenWriteUnchangedOnTheSubPixelGrid()
    {
        Prop.ForAll(TableGenerators.TrackpyOnGrid.ToArbitrary(), table =>
        {
            var px = table.PixelSizeNm!.Value;
            var first = new StringWriter();
            TrackpyCsv.Write(first, table, px);
            var second = new StringWriter();
            TrackpyCsv.Write(second, TrackpyCsv.Read(new StringReader(first.ToString()), null, px), px);
            return first.ToString() == second.ToString();
        }).Check(Runs);
    }

    [Fact]
    public void ThunderStormThroughTrackpyStaysWithinTheConversionBound()
    {
        var cases = from table in TableGenerators.ThunderStorm
                    from px in Gen.Elements(100.0, 65.0, 107.5, 133.3, 0.1)
                    select (table, px);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var text = new StringWriter();
            var finite = new LocalizationTable(
                c.table.Rows.Where(r => Math.Abs(r.X) < 1e300 && Math.Abs(r.Y) < 1e300),
                c.table.Columns);
            TrackpyCsv.Write(text, finite, c.px);
            var back = TrackpyCsv.Read(new StringReader(text.ToString()), null, c.px);
            return finite.Rows.Zip(back.Rows).All(p =>
                p.First.Frame == p.Second.Frame
                && Math.Abs(p.First.X - p.Second.X) <= PixelCoordinatesTests.NanometreTolerance(p.First.X, c.px)
                && Math.Abs(p.First.Y - p.Second.Y) <= PixelCoordinatesTests.NanometreTolerance(p.First.Y, c.px));
        }).Check(Runs);
    }
}
