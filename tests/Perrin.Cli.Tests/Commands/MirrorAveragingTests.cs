using Perrin.Cli.Localize;

namespace Perrin.Cli.Tests.Commands;

/// <summary>Test-time mirror averaging (`perrin localize --views`), checked against networks whose answer is known.</summary>
public sealed class MirrorAveragingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void AddBackUndoesWrite(int view)
    {
        const int side = 5;
        var frame = new float[side * side];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = i + 1;
        }

        var viewed = new float[frame.Length];
        DihedralViews.Write(frame, side, side, view, viewed);
        var back = new float[frame.Length];
        DihedralViews.AddBack(viewed, side, view, back);

        Assert.Equal(frame, back);
        Assert.Equal(view == 0, frame.AsSpan().SequenceEqual(viewed));
    }

    /// <summary>
    /// A network that moves every value one pixel to the right is not mirror-symmetric. Averaged over the 8 views,
    /// a lone bright pixel comes back as a quarter at each of its 4 neighbours (each direction twice); over the 2
    /// first views (plain and column-flipped), half to the left and half to the right. A wrong inverse would put
    /// the mass elsewhere.
    /// </summary>
    [Theory]
    [InlineData(8, 0.25f, 0.25f)]
    [InlineData(2, 0.5f, 0f)]
    public void AveragingAShiftingNetworkSpreadsASpotOverTheMirroredShifts(int views, float sideways, float vertical)
    {
        const int side = 7;
        var network = MirrorAveraging.Wrap(ShiftRight(side), side, 1, 1, views);
        var tiles = new float[2 * side * side];
        tiles[(3 * side) + 3] = 1;
        tiles[(side * side) + (1 * side) + 5] = 2;
        var output = new float[tiles.Length];

        network(tiles, 2, output);

        Assert.Equal(sideways, output[(3 * side) + 2], 6);
        Assert.Equal(sideways, output[(3 * side) + 4], 6);
        Assert.Equal(vertical, output[(2 * side) + 3], 6);
        Assert.Equal(vertical, output[(4 * side) + 3], 6);
        Assert.Equal(0f, output[(3 * side) + 3], 6);
        Assert.Equal(1f, output.AsSpan(0, side * side).ToArray().Sum(), 5);
        Assert.Equal(2 * sideways, output[(side * side) + (1 * side) + 4], 6);
        Assert.Equal(2 * sideways, output[(side * side) + (1 * side) + 6], 6);
    }

    [Fact]
    public void AMirrorSymmetricNetworkIsUnchangedAndOneViewIsTheNetworkItself()
    {
        const int side = 6;
        var box = BoxSum(side);
        var tiles = new float[side * side];
        var random = new Random(3);
        for (var i = 0; i < tiles.Length; i++)
        {
            tiles[i] = (float)random.NextDouble();
        }

        var plain = new float[tiles.Length];
        box(tiles, 1, plain);
        var averaged = new float[tiles.Length];
        MirrorAveraging.Wrap(box, side, 1, 1, 8)(tiles, 1, averaged);

        for (var i = 0; i < plain.Length; i++)
        {
            Assert.Equal(plain[i], averaged[i], 5);
        }

        Assert.Same(box, MirrorAveraging.Wrap(box, side, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MirrorAveraging.Wrap(box, side, 1, 1, 9));
    }

    [Fact]
    public void LocalizeRefusesViewsOutOfRange()
    {
        using var folder = new TempFolder();
        var movie = folder["movie.tif"];
        var (simulated, _, simulateError) = CliHarness.Run("simulate", ExampleRecipes.PathOf("iscat-dense.yaml"), "-n", "1", "-o", movie, "--seed", "9");
        Assert.True(simulated == 0, simulateError);

        var (code, _, error) = CliHarness.Run("localize", "iscat-dense", movie, "-o", folder["locs.csv"], "--views", "9");

        Assert.Equal(1, code);
        Assert.Contains("--views 9: expected 1 to 8", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    private static BatchNetwork ShiftRight(int side) => (tiles, count, outputs) =>
    {
        outputs[..(count * side * side)].Clear();
        for (var t = 0; t < count; t++)
        {
            for (var r = 0; r < side; r++)
            {
                for (var c = 0; c + 1 < side; c++)
                {
                    outputs[(t * side * side) + (r * side) + c + 1] = tiles[(t * side * side) + (r * side) + c];
                }
            }
        }
    };

    private static BatchNetwork BoxSum(int side) => (tiles, count, outputs) =>
    {
        for (var t = 0; t < count; t++)
        {
            for (var r = 0; r < side; r++)
            {
                for (var c = 0; c < side; c++)
                {
                    float sum = 0;
                    for (var dr = -1; dr <= 1; dr++)
                    {
                        for (var dc = -1; dc <= 1; dc++)
                        {
                            var (rr, cc) = (r + dr, c + dc);
                            if (rr >= 0 && rr < side && cc >= 0 && cc < side)
                            {
                                sum += tiles[(t * side * side) + (rr * side) + cc];
                            }
                        }
                    }

                    outputs[(t * side * side) + (r * side) + c] = sum;
                }
            }
        }
    };
}
