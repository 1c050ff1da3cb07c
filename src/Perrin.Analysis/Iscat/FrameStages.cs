using Perrin.Core.Imaging;
using Perrin.Core.IO;

namespace Perrin.Analysis.Iscat;

/// <summary>Runs a stage over a movie on disk (streaming) or in memory.</summary>
public static class FrameStages
{
    /// <summary>
    /// Streams every frame of <paramref name="reader"/> through <paramref name="stage"/> and hands each output frame
    /// to <paramref name="sink"/> with its index. The frame handed over is reused for the next output: copy what
    /// must be kept. Returns the number of output frames.
    /// </summary>
    public static int Run(IFrameStage stage, IFrameReader reader, Action<int, ImageFrame> sink)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sink);
        RequireShape(stage, reader.Height, reader.Width, reader.FrameCount, reader.SourcePath);
        var input = new float[reader.Height * reader.Width];
        var output = new float[input.Length];
        var frame = new ImageFrame(output, reader.Height, reader.Width);
        var produced = 0;
        for (var f = 0; f < reader.FrameCount; f++)
        {
            reader.ReadFrame(f, input);
            if (stage.Push(input, output))
            {
                sink(produced++, frame);
            }
        }

        return produced;
    }

    /// <summary>The N − Delay output frames of a fresh <paramref name="stage"/> for a movie held in memory.</summary>
    public static ImageStack Apply(IFrameStage stage, ImageStack movie)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(movie);
        RequireShape(stage, movie.Height, movie.Width, movie.FrameCount, "the movie");
        var result = new ImageStack(movie.FrameCount - stage.Delay, movie.Height, movie.Width, movie.Metadata);
        var produced = 0;
        var spare = new float[movie.PixelsPerFrame];
        for (var f = 0; f < movie.FrameCount; f++)
        {
            var target = produced < result.FrameCount ? result.FrameMemory(produced).Span : spare;
            if (stage.Push(movie[f].Pixels, target))
            {
                produced++;
            }
        }

        return result;
    }

    private static void RequireShape(IFrameStage stage, int height, int width, int frames, string source)
    {
        if (height != stage.Height || width != stage.Width)
        {
            throw new ArgumentException($"{stage.Description} works on {stage.Width}×{stage.Height} frames but {source} has {width}×{height} frames");
        }

        if (frames <= stage.Delay)
        {
            throw new ArgumentException($"{stage.Description} needs at least {(long)stage.Delay + 1} frames; {source} has {frames}");
        }
    }
}
