namespace Perrin.Cli.Localize;

/// <summary>
/// Test-time averaging over mirror views for networks whose outputs are scalar maps (heat maps, masks, densities):
/// every tile is run in each view (<see cref="DihedralViews"/>), each output map is mapped back, and the maps are
/// averaged. The training data are mirror-symmetric in distribution, so every view's map is as good as the plain
/// one and their mean cancels part of the network's own error, at the price of one network pass per view.
/// Maps whose channels are vectors (DECODE's offsets) would change sign under a mirror and are not averaged so.
/// </summary>
internal static class MirrorAveraging
{
    /// <summary>
    /// <paramref name="network"/> averaged over the first <paramref name="views"/> mirror views of its square
    /// tiles of side <paramref name="tileSize"/>, whose outputs are <paramref name="channels"/> maps of side
    /// tileSize × <paramref name="scale"/>. One view returns the network itself.
    /// </summary>
    public static BatchNetwork Wrap(BatchNetwork network, int tileSize, int scale, int channels, int views)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(views, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(views, 8);
        if (views == 1)
        {
            return network;
        }

        var plane = tileSize * tileSize;
        var side = tileSize * scale;
        var map = side * side;
        return (tiles, count, outputs) =>
        {
            var viewed = new float[count * plane];
            var result = new float[count * channels * map];
            var sum = outputs[..(count * channels * map)];
            sum.Clear();
            for (var v = 0; v < views; v++)
            {
                for (var t = 0; t < count; t++)
                {
                    DihedralViews.Write(tiles.Slice(t * plane, plane), tileSize, tileSize, v, viewed.AsSpan(t * plane, plane));
                }

                network(viewed, count, result);
                for (var m = 0; m < count * channels; m++)
                {
                    DihedralViews.AddBack(result.AsSpan(m * map, map), side, v, sum.Slice(m * map, map));
                }
            }

            var inverse = 1f / views;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] *= inverse;
            }
        };
    }
}
