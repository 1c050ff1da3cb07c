using Perrin.Core.Tables;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class TruthPositionsTests
{
    [Fact]
    public void ClipKeepsOnParticlesInsideTheHalfOpenField()
    {
        ParticleTruth[] truth =
        [
            new(-0.5, -0.5), new(3.5, 1), new(Math.BitDecrement(3.5), Math.BitDecrement(2.5)), new(1, 2.5),
            new(1, 1) { IsOn = false }, new(double.NaN, 1),
        ];
        Assert.Equal([truth[0], truth[2]], TruthPositions.ClipToField(truth, 4, 3));
        Assert.Equal([truth[0], truth[2], truth[4]], TruthPositions.ClipToField(truth, 4, 3, includeOff: true));
    }

    [Fact]
    public void TableRowsAreNanometresFromTheImageCorner()
    {
        ParticleTruth[][] frames =
        [
            [new(0, 0, 12.5) { Photons = 900 }, new(7, 1)],
            [new(2.25, 1.5) { TrackId = 4 }],
        ];
        var table = TruthPositions.ToTable(frames, 4, 4, 100);
        Assert.Equal(2, table.Count);
        Assert.Equal(new Localization(0, 50, 50) { Id = 1, Z = 12.5, Intensity = 900 }, table.Rows[0]);
        Assert.Equal(new Localization(1, 275, 200) { Id = 2, Z = 0, Intensity = double.NaN, Particle = 4 }, table.Rows[1]);
        Assert.True(table.Has(LocalizationColumns.Particle | LocalizationColumns.Intensity | LocalizationColumns.Z));
        Assert.Equal(100, table.PixelSizeNm);
    }
}
