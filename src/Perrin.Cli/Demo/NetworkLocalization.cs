using Perrin.Cli.Localize;
using Perrin.Core.Tables;
using Perrin.Nn.Backends;

namespace Perrin.Cli.Demo;

/// <summary>
/// `perrin localize`'s network path on frames held in memory: the same tiling, standardization, batched no-grad
/// inference and decoder of the model's label form, at its default threshold.
/// </summary>
internal sealed class NetworkLocalization
{
    private const int Tile = 256;
    private const int Overlap = 32;
    private const int Batch = 8;

    private readonly LocalizeModel _model;
    private readonly int _threads;

    public NetworkLocalization(LocalizeModel model, int threads)
    {
        _model = model;
        _threads = threads;
    }

    public string Setup(int height, int width)
    {
        var tile = LocalizeRun.FittedTile(Tile, _model.SizeMultiple, height, width);
        return $"perrin localize's network path: per-frame z-score, {tile} px tiles overlapping by {Math.Min(Overlap, tile - 1)} px in batches of {Batch}, {_model.LabelName} decoded at threshold {_model.DefaultThreshold:G3} (local maxima, weighted centroid)";
    }

    /// <summary>The localizations of every frame, in frame order; <paramref name="report"/> gets the frames done.</summary>
    public List<Localization> Run(DemoMovie movie, Action<long> report)
    {
        var (height, width) = (movie.Height, movie.Width);
        var tile = LocalizeRun.FittedTile(Tile, _model.SizeMultiple, height, width);
        var inference = new TiledInference(height, width, tile, Math.Min(Overlap, tile - 1), Batch, _model.Channels, _model.Upsampling, _model.AsBatchNetwork(tile));
        var decoder = LocalizeRun.Decoder(_model, _model.DefaultThreshold, DemoScenario.PixelSizeNm);
        var chunk = Math.Max(1, Batch / inference.TilesPerFrame);
        var frames = new float[chunk][];
        var maps = new float[chunk][];
        var (mapHeight, mapWidth) = (height * inference.Scale, width * inference.Scale);
        var rows = new List<Localization>();
        var previous = Backend.Current;
        Backend.UseCpu(_threads);
        try
        {
            for (var start = 0; start < movie.FrameCount; start += chunk)
            {
                var count = Math.Min(chunk, movie.FrameCount - start);
                for (var i = 0; i < count; i++)
                {
                    frames[i] = (float[])movie.Frames[start + i].Clone();
                    maps[i] ??= new float[inference.MapLength];
                }

                inference.Run(frames, maps, count);
                for (var i = 0; i < count; i++)
                {
                    rows.AddRange(decoder.Decode(maps[i], start + i, mapHeight, mapWidth));
                }

                report(start + count);
            }
        }
        finally
        {
            Backend.Current = previous;
        }

        return rows;
    }
}
