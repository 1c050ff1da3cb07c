using System.Globalization;
using Perrin.Analysis.Iscat;
using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;

namespace Perrin.Cli.Preprocess;

/// <summary>
/// Runs `perrin preprocess`: streams the movie frame by frame through the stage chain into a float32 TIFF that
/// appears only once complete. Memory holds the frames the stages keep (2B for the DRA, W for a rolling median) and,
/// for the whole-movie median, the bands of <see cref="TemporalMedian"/>'s first pass, never the movie.
/// </summary>
internal static class PreprocessRun
{
    public static int Run(CliConsole console, PreprocessRequest request)
    {
        var plan = PreprocessPlan.From(request);
        if (Path.GetFullPath(request.Input) == Path.GetFullPath(request.Output))
        {
            throw new UserInputException($"{request.Output}: the output would replace the input; choose another name");
        }

        if (!request.Output.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) && !request.Output.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException($"-o must name a .tif file (the output is a float32 TIFF), not {request.Output}");
        }

        if (File.Exists(request.Output) && !request.Force)
        {
            throw new UserInputException($"{request.Output} exists; add --force to replace it");
        }

        using var reader = MovieFile.OpenReader(request.Input);
        plan.RequireLength(reader.FrameCount, request.Input);
        var background = plan.Background is { Kind: BackgroundKind.Median } ? MedianBackground(console, reader, plan.PowerNormalize) : null;
        var chain = plan.BuildChain(reader.Height, reader.Width, background, request.Threads);
        var expected = reader.FrameCount - chain.Delay;
        var metadata = reader.Metadata with { Description = $"perrin preprocess {Path.GetFileName(request.Input)}: {chain.Description}" };
        using var writer = TiffWriter.Create(request.Output, reader.Width, reader.Height, PixelType.Float32, new TiffWriteOptions { Metadata = metadata, ExpectedFrameCount = expected });
        var input = new float[reader.Width * reader.Height];
        var output = new float[input.Length];
        ProgressScope.Run(console, $"preprocess {Path.GetFileName(request.Input)}", reader.FrameCount, report =>
        {
            for (var f = 0; f < reader.FrameCount; f++)
            {
                reader.ReadFrame(f, input);
                FrameCheck.Require(request.Input, f, input, reader.Width, plan.PowerNormalize);
                if (chain.Push(input, output))
                {
                    writer.WriteFrame(output);
                }

                report(f + 1);
            }

            return 0;
        });
        writer.Complete();

        var delay = plan.ExplainDelay();
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Input} → {request.Output}: {reader.FrameCount} frames in, {writer.FramesWritten} out{(delay.Length == 0 ? string.Empty : $" ({delay})")}; {chain.Description}; {reader.Width}×{reader.Height} float32"));
        return ExitCodes.Ok;
    }

    private static float[] MedianBackground(CliConsole console, IFrameReader reader, bool powerNormalize)
    {
        // The same band height TemporalMedian picks, only to size the progress bar: it reads every frame once per band.
        var rowBytes = (long)reader.FrameCount * reader.Width * sizeof(float);
        var rowsPerBand = Math.Clamp(TemporalMedian.DefaultMemoryBudget / rowBytes, 1, reader.Height);
        var reads = reader.FrameCount * ((reader.Height + rowsPerBand - 1) / rowsPerBand);
        return ProgressScope.Run(console, "median background", reads, report =>
        {
            var done = 0L;
            using var prepared = new PreparedFrameReader(reader, powerNormalize, () => report(++done));
            return TemporalMedian.Compute(prepared, TemporalMedian.DefaultMemoryBudget);
        });
    }
}
