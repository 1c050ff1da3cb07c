using System.Diagnostics;
using Perrin.Analysis.Detection;
using Perrin.Cli.Decode;
using Perrin.Cli.Localize;
using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Backends;
using Perrin.Nn.Models;
using Perrin.Nn.Tensors;

namespace Perrin.Cli.Bench;

/// <summary>
/// The network path of `perrin localize` on the `perrin bench locate` frames: the unet-bench U-Net ([16, 32, 64],
/// freshly initialised, since speed does not depend on the weights) on one 256 × 256 tile per frame, in batches,
/// with standardization, stitching and heat-map decoding, as `perrin localize` runs them.
/// </summary>
internal static class LocalizeBenchmark
{
    public const int Batch = 4;

    // An untrained sigmoid head gives about 0.5 everywhere; a threshold above it leaves the decoder a trained
    // network's work (a scan with a few peaks) instead of thousands of noise maxima.
    private const float UntrainedThreshold = 0.99f;

    public static string Name => "network (unet-bench)";

    public static LocateBenchResult Measure(float[][] movie, int threads)
    {
        var previous = Backend.Current;
        Backend.UseCpu(threads);
        try
        {
            var network = ModelFactory.Create(UNetConfig.Bench, new RandomStream(0, 0));
            network.Eval();
            const int side = LocateBenchmark.Side;
            void Run(ReadOnlySpan<float> tiles, int count, Span<float> outputs)
            {
                using var scope = GradMode.NoGrad();
                using var input = Tensor.FromArray(tiles, count, 1, side, side);
                using var output = network.Forward(input);
                output.Span.CopyTo(outputs);
            }

            var inference = new TiledInference(side, side, side, 32, Batch, 1, 1, Run);
            var decoder = MapDecoder.Heatmap(new HeatmapDecoderOptions { Threshold = UntrainedThreshold }, LocateBenchmark.PixelSizeNm);
            var frames = new float[Batch][];
            var maps = new float[Batch][];
            for (var i = 0; i < Batch; i++)
            {
                frames[i] = new float[side * side];
                maps[i] = new float[inference.MapLength];
            }

            long found = 0;
            void Chunk(int start)
            {
                var count = Math.Min(Batch, movie.Length - start);
                for (var i = 0; i < count; i++) movie[start + i].CopyTo(frames[i], 0);
                inference.Run(frames, maps, count);
                for (var i = 0; i < count; i++) found += decoder.Decode(maps[i], start + i, side, side).Count;
            }

            Chunk(0);
            found = 0;
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < movie.Length; start += Batch) Chunk(start);
            var seconds = clock.Elapsed.TotalSeconds;
            return new LocateBenchResult(Name, movie.Length, movie.Length / Math.Max(seconds, 1e-9), (double)found / movie.Length);
        }
        finally
        {
            Backend.Current = previous;
        }
    }
}
