using Perrin.Analysis.Detection;
using Perrin.Cli.Training;

namespace Perrin.Cli.Localize;

/// <summary>
/// The network path of `perrin localize` for frames of one size: each frame is standardized as training
/// standardized its images (<see cref="SimulationDataSource.Standardize"/>, over the whole frame), cut into
/// overlapping tiles by a <see cref="FrameTiler"/> (padding with 0, the standardized mean), the tiles of several
/// frames go through the network in batches, and each output is stitched back into its frame's maps. Every tile's
/// output depends on that tile alone, so the maps do not depend on how tiles fall into batches or on threads.
/// </summary>
internal sealed class TiledInference
{
    private readonly FrameTiler _tiler;
    private readonly BatchNetwork _network;
    private readonly float[] _inputs;
    private readonly float[] _outputs;

    public TiledInference(int height, int width, int tileSize, int overlap, int batch, int channels, int scale, BatchNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        _tiler = new FrameTiler(height, width, tileSize, overlap);
        _network = network;
        Channels = channels;
        Scale = scale;
        Batch = batch;
        _inputs = new float[checked(batch * tileSize * tileSize)];
        _outputs = new float[checked(batch * TileOutputLength)];
    }

    public int Channels { get; }

    public int Scale { get; }

    public int Batch { get; }

    public int TilesPerFrame => _tiler.Tiles.Count;

    /// <summary>Floats of one frame's maps: channels × (height·scale) × (width·scale).</summary>
    public int MapLength => checked(Channels * _tiler.FrameHeight * Scale * _tiler.FrameWidth * Scale);

    private int TileOutputLength => checked(Channels * _tiler.TileSize * Scale * _tiler.TileSize * Scale);

    /// <summary>
    /// Standardizes the first <paramref name="count"/> frames in place and writes each one's maps into
    /// <paramref name="maps"/> (arrays of <see cref="MapLength"/>).
    /// </summary>
    public void Run(float[][] frames, float[][] maps, int count)
    {
        var tiles = _tiler.Tiles;
        var tileLength = _tiler.TileSize * _tiler.TileSize;
        var outputLength = TileOutputLength;
        var pending = new (int Frame, int Tile)[Batch];
        var filled = 0;
        for (var f = 0; f < count; f++)
        {
            SimulationDataSource.Standardize(frames[f]);
            for (var t = 0; t < tiles.Count; t++)
            {
                _tiler.Extract(frames[f], tiles[t], _inputs.AsSpan(filled * tileLength, tileLength));
                pending[filled++] = (f, t);
                if (filled == Batch)
                {
                    Flush(pending, filled, maps, tileLength, outputLength);
                    filled = 0;
                }
            }
        }

        if (filled > 0)
        {
            Flush(pending, filled, maps, tileLength, outputLength);
        }
    }

    private void Flush((int Frame, int Tile)[] pending, int filled, float[][] maps, int tileLength, int outputLength)
    {
        var outputs = _outputs.AsSpan(0, filled * outputLength);
        outputs.Clear();
        _network(_inputs.AsSpan(0, filled * tileLength), filled, outputs);
        for (var i = 0; i < filled; i++)
        {
            var (frame, tile) = pending[i];
            _tiler.Stitch(outputs.Slice(i * outputLength, outputLength), _tiler.Tiles[tile], maps[frame], Channels, Scale);
        }
    }
}
