using Perrin.Analysis.Detection;

namespace Perrin.Analysis.Tests.Detection;

public class ConnectedComponentsTests
{
    // Component A starts at (4, 0) and reaches (1, 2) only through diagonal steps; B starts at (0, 1).
    private static readonly float[,] Pattern =
    {
        { 0, 0, 0, 0, 1, 0 },
        { 1, 0, 0, 1, 0, 0 },
        { 1, 0, 1, 0, 0, 0 },
        { 0, 0, 0, 0, 0, 2 },
        { 0, 0, 0, 0, 3, 1 },
    };

    [Fact]
    public void LabelsFollowTheRasterOrderOfEachComponentsFirstPixelWithDiagonalsConnected()
    {
        var labels = new int[30];
        var count = ConnectedComponents.Label(Maps.From(Pattern), 0.5f, labels);
        Assert.Equal(3, count);
        int[] expected =
        [
            0, 0, 0, 0, 1, 0,
            2, 0, 0, 1, 0, 0,
            2, 0, 1, 0, 0, 0,
            0, 0, 0, 0, 0, 3,
            0, 0, 0, 0, 3, 3,
        ];
        Assert.Equal(expected, labels);
    }

    [Fact]
    public void EachBlobIsReducedToItsWeightedCentroid()
    {
        var blobs = ConnectedComponents.Find(Maps.From(Pattern), 0.5f);
        Assert.Equal(3, blobs.Count);
        Assert.Equal(new Blob(1, 3, 3, 1f, 4, 0, 3.0, 1.0), blobs[0]);
        Assert.Equal(new Blob(2, 2, 2, 1f, 0, 1, 0.0, 1.5), blobs[1]);
        Assert.Equal(new Blob(3, 3, 6, 3f, 4, 4, ((2.0 * 5) + (3.0 * 4) + 5) / 6, ((2.0 * 3) + (3.0 * 4) + 4) / 6), blobs[2]);
    }

    [Fact]
    public void AFullMapIsOneComponent()
    {
        var map = Maps.Zero(40, 50);
        map.Pixels.Fill(1f);
        var blob = Assert.Single(ConnectedComponents.Find(map, 1f));
        Assert.Equal(2000, blob.PixelCount);
        Assert.Equal(24.5, blob.X);
        Assert.Equal(19.5, blob.Y);
    }

    [Fact]
    public void AWrongLabelBufferIsRefused() =>
        Assert.Throws<ArgumentException>(() => ConnectedComponents.Label(Maps.Zero(3, 3), 0.5f, new int[8]));
}
