using System.Runtime.ExceptionServices;
using Perrin.Analysis.Localizers;
using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Cli.Locate;

/// <summary>
/// Streams a movie through a localizer: frames are read in chunks of a few per thread, located in parallel (one
/// localizer per worker), and written in frame order before the next chunk is read. Memory is a chunk of
/// frames and its localizations, whatever the movie's length, and the output does not depend on the thread count.
/// </summary>
internal static class LocateRun
{
    // A chunk of frames never takes more than this, so very large frames still stream.
    private const long ChunkBytes = 256L << 20;

    public static long Run(CliConsole console, IFrameReader reader, Func<IFrameLocalizer> create, LocalizationCsvStream output, double pixelSizeNm, int threads)
    {
        var (height, width, frames) = (reader.Height, reader.Width, reader.FrameCount);
        var frameBytes = Math.Max(1L, (long)height * width * sizeof(float));
        var chunk = (int)Math.Clamp(Math.Min(4L * threads, ChunkBytes / frameBytes), 1, Math.Max(1, frames));
        var buffers = new float[chunk][];
        var results = new IReadOnlyList<Localization>[chunk];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        return ProgressScope.Run(console, $"locate {Path.GetFileName(reader.SourcePath)}", frames, report =>
        {
            var rows = new List<Localization>();
            for (var start = 0; start < frames; start += chunk)
            {
                var count = Math.Min(chunk, frames - start);
                for (var i = 0; i < count; i++)
                {
                    buffers[i] ??= new float[height * width];
                    reader.ReadFrame(start + i, buffers[i]);
                }

                Locate(buffers, results, count, start, height, width, pixelSizeNm, create, options);
                rows.Clear();
                for (var i = 0; i < count; i++)
                {
                    rows.AddRange(results[i]);
                    results[i] = [];
                }

                output.Append(rows);
                report(start + count);
            }

            return output.Count;
        });
    }

    internal static void Locate(float[][] buffers, IReadOnlyList<Localization>[] results, int count, int start, int height, int width, double px,
        Func<IFrameLocalizer> create, ParallelOptions options)
    {
        try
        {
            Parallel.For(0, count, options, create, (i, _, localizer) =>
            {
                results[i] = localizer.Locate(new ImageFrame(buffers[i], height, width), start + i, px);
                return localizer;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
