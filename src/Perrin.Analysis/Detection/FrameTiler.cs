namespace Perrin.Analysis.Detection;

/// <summary>
/// Cuts frames of any size into square tiles of a network's training size with a given overlap, and stitches the
/// network's per-pixel outputs back into one map. Each output pixel is taken from the one tile that owns it: the
/// boundary between two neighbouring tiles lies in the middle of their overlap, so every kept pixel is at least
/// ⌊overlap/2⌋ pixels from its tile's inner edges. A network whose receptive field reaches no further than that
/// gives, tiled, exactly what it gives on the whole frame; and since detection runs on the stitched map, an emitter on
/// a seam is found once. A frame smaller than a tile is padded on the right and bottom with <see cref="PadValue"/>.
/// </summary>
public sealed class FrameTiler
{
    private readonly Tile[] _tiles;

    public FrameTiler(int frameHeight, int frameWidth, int tileSize, int overlap, float padValue = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 1);
        if (overlap < 0 || overlap >= tileSize)
        {
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, $"the overlap must be at least 0 and smaller than the tile size {tileSize}");
        }

        if (!float.IsFinite(padValue))
        {
            throw new ArgumentOutOfRangeException(nameof(padValue), padValue, "the padding value must be a finite number");
        }

        FrameHeight = frameHeight;
        FrameWidth = frameWidth;
        TileSize = tileSize;
        Overlap = overlap;
        PadValue = padValue;
        var rows = Spans(frameHeight, tileSize, overlap);
        var columns = Spans(frameWidth, tileSize, overlap);
        _tiles = new Tile[rows.Length * columns.Length];
        var k = 0;
        foreach (var (top, ownTop, ownBottom) in rows)
        {
            foreach (var (left, ownLeft, ownRight) in columns)
            {
                _tiles[k++] = new Tile(top, left, ownTop, ownBottom, ownLeft, ownRight);
            }
        }
    }

    public int FrameHeight { get; }

    public int FrameWidth { get; }

    public int TileSize { get; }

    public int Overlap { get; }

    public float PadValue { get; }

    /// <summary>The tiles in raster order.</summary>
    public IReadOnlyList<Tile> Tiles => _tiles;

    /// <summary>Copies the frame pixels under <paramref name="tile"/> into <paramref name="destination"/>, padding outside the frame.</summary>
    public void Extract(ReadOnlySpan<float> frame, Tile tile, Span<float> destination)
    {
        RequireLength(frame.Length, (long)FrameHeight * FrameWidth, nameof(frame));
        RequireLength(destination.Length, (long)TileSize * TileSize, nameof(destination));
        for (var ty = 0; ty < TileSize; ty++)
        {
            var line = destination.Slice(ty * TileSize, TileSize);
            var y = tile.Top + ty;
            if (y >= FrameHeight)
            {
                line.Fill(PadValue);
                continue;
            }

            var inside = Math.Min(TileSize, FrameWidth - tile.Left);
            frame.Slice((y * FrameWidth) + tile.Left, inside).CopyTo(line);
            line[inside..].Fill(PadValue);
        }
    }

    /// <summary>
    /// Copies the part of a tile's network output that <paramref name="tile"/> owns into the whole-frame output
    /// (channels × (FrameHeight·scale) × (FrameWidth·scale)).
    /// </summary>
    public void Stitch(ReadOnlySpan<float> tileOutput, Tile tile, Span<float> output, int channels = 1, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var tileSide = TileSize * scale;
        var outHeight = FrameHeight * scale;
        var outWidth = FrameWidth * scale;
        RequireLength(tileOutput.Length, (long)channels * tileSide * tileSide, nameof(tileOutput));
        RequireLength(output.Length, (long)channels * outHeight * outWidth, nameof(output));
        var x0 = tile.OwnLeft * scale;
        var count = (tile.OwnRight - tile.OwnLeft) * scale;
        for (var c = 0; c < channels; c++)
        {
            for (var y = tile.OwnTop * scale; y < tile.OwnBottom * scale; y++)
            {
                var source = (((long)c * tileSide) + y - (tile.Top * scale)) * tileSide + x0 - (tile.Left * scale);
                var target = (((long)c * outHeight) + y) * outWidth + x0;
                tileOutput.Slice((int)source, count).CopyTo(output.Slice((int)target, count));
            }
        }
    }

    /// <summary>Runs <paramref name="network"/> over every tile of <paramref name="frame"/> and stitches its outputs.</summary>
    public void Run(ReadOnlySpan<float> frame, TileNetwork network, Span<float> output, int channels = 1, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var input = new float[TileSize * TileSize];
        var result = new float[checked(channels * TileSize * scale * TileSize * scale)];
        foreach (var tile in _tiles)
        {
            Extract(frame, tile, input);
            result.AsSpan().Clear();
            network(input, result);
            Stitch(result, tile, output, channels, scale);
        }
    }

    /// <summary>
    /// Tile starts along one axis: a step of size − overlap, the last tile flush with the frame's end (so its overlap
    /// with the one before may be larger), and ownership boundaries in the middle of each overlap.
    /// </summary>
    private static (int Start, int OwnStart, int OwnEnd)[] Spans(int length, int size, int overlap)
    {
        if (length <= size)
        {
            return [(0, 0, length)];
        }

        var step = size - overlap;
        var count = 1 + ((length - size + step - 1) / step);
        var starts = new int[count];
        for (var k = 0; k < count - 1; k++)
        {
            starts[k] = k * step;
        }

        starts[count - 1] = length - size;
        var spans = new (int, int, int)[count];
        var ownStart = 0;
        for (var k = 0; k < count; k++)
        {
            var ownEnd = k == count - 1 ? length : (starts[k] + size + starts[k + 1]) / 2;
            spans[k] = (starts[k], ownStart, ownEnd);
            ownStart = ownEnd;
        }

        return spans;
    }

    private static void RequireLength(int actual, long expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has {actual} values; {expected} were expected", name);
        }
    }
}
