using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class LocalizationTableTests
{
    [Fact]
    public void AbsentValuesAreNaNOrNull()
    {
        var l = new Localization(3, 1, 2);
        Assert.True(new[] { l.Z, l.Sigma, l.Intensity, l.Offset, l.BkgStd, l.Uncertainty, l.UncertaintyZ, l.Chi2, l.Mass, l.Size, l.Ecc, l.Signal, l.RawMass, l.Ep }.All(double.IsNaN));
        Assert.Equal((null, null, null), (l.Id, l.Particle, l.Detections));
    }

    [Fact]
    public void FrameXAndYAreAlwaysColumns()
    {
        var table = new LocalizationTable([], LocalizationColumns.Sigma);
        Assert.Equal(LocalizationColumns.Required | LocalizationColumns.Sigma, table.Columns);
        Assert.True(table.Has(LocalizationColumns.Frame | LocalizationColumns.Sigma));
        Assert.False(table.Has(LocalizationColumns.Z));
    }

    [Fact]
    public void NegativeFramesAndNonFinitePositionsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new LocalizationTable([new Localization(-1, 0, 0)], LocalizationColumns.None));
        Assert.Throws<ArgumentException>(() => new LocalizationTable([new Localization(0, double.NaN, 0)], LocalizationColumns.None));
        Assert.Throws<ArgumentException>(() => new LocalizationTable([new Localization(0, 0, double.PositiveInfinity)], LocalizationColumns.None));
    }

    [Fact]
    public void RowsCannotBeChangedThroughTheTable()
    {
        var source = new[] { new Localization(0, 1, 2) };
        var table = new LocalizationTable(source, LocalizationColumns.None);
        source[0] = new Localization(5, 5, 5);
        Assert.Equal(0, table.Rows[0].Frame);
    }
}
