using Perrin.Cli.Locate;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>`perrin locate`'s frame loop (one localizer per worker thread) over the prepared frames of a movie.</summary>
internal static class ClassicalLocalization
{
    private const int Chunk = 16;

    public static List<Localization> Run(DemoMethod method, ClassicalFrames prepared, int height, int width, int threads, Action<long> report)
    {
        var frames = prepared.Frames;
        var results = new IReadOnlyList<Localization>[Chunk];
        var buffers = new float[Chunk][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var rows = new List<Localization>();
        for (var start = 0; start < frames.Length; start += Chunk)
        {
            var count = Math.Min(Chunk, frames.Length - start);
            Array.Copy(frames, start, buffers, 0, count);
            LocateRun.Locate(buffers, results, count, start, height, width, DemoScenario.PixelSizeNm, method.Create, options);
            for (var i = 0; i < count; i++)
            {
                rows.AddRange(results[i]);
            }

            report(start + count);
        }

        return rows;
    }
}
