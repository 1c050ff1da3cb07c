using System.Globalization;
using Perrin.Cli.Commands;
using Perrin.Cli.Console;
using Perrin.Cli.Locate;
using Perrin.Cli.Preprocess;
using Perrin.Cli.Training;
using Perrin.Core.IO;
using Perrin.Core.Tables;
using Perrin.Nn.Backends;

namespace Perrin.Cli.Localize;

/// <summary>
/// `perrin localize` with a position regressor: one localization per frame. Frames must have the size the network
/// was trained on (no cropping or tiling, which would move or cut the one particle it expects); each is
/// standardized as in training, frames go through the network in batches of --batch (each position the mean over
/// the frame's mirror views, <see cref="DihedralViews"/>), and rows are written as they come. Options of the map path (threshold, iSCAT stages) do not apply and are refused.
/// </summary>
internal static class RegressorLocalizeRun
{
    public static int Run(CliConsole console, LocalizeRequest request, RegressorModel model, TableFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(model);
        if (request.Threshold is not null || request.PowerNormalize || request.Dra is not null)
        {
            throw new UserInputException($"{request.Model} is a single-particle position regressor, which gives one position per frame: --threshold, --power-normalize and --dra do not apply to it");
        }

        var views = request.Views ?? DihedralViews.Count(model.Width, model.Height);
        if (views < 1 || views > DihedralViews.Count(model.Width, model.Height))
        {
            throw new UserInputException($"--views {views}: {request.Model} takes 1 to {DihedralViews.Count(model.Width, model.Height)} mirror views of its {model.Width}×{model.Height} frames");
        }

        using var reader = MovieFile.OpenReader(request.Movie);
        if (reader.Width != model.Width || reader.Height != model.Height)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{request.Movie}: frames are {reader.Width}×{reader.Height}, but {request.Model} is a single-particle regressor trained on {model.Width}×{model.Height} frames; crop the frames to {model.Width}×{model.Height} around the particle"));
        }

        var px = LocalizeRun.PixelSize(console, request, reader, model.RecipePixelSizeNm);
        var previous = Backend.Current;
        Backend.UseCpu(request.Threads);
        try
        {
            using var table = new LocalizationCsvStream(request.Output, format, LocalizationColumns.Required, px);
            Stream(console, request, reader, model, table, px, views);
            table.Commit();
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{request.Movie} ({reader.Width}×{reader.Height}, {reader.FrameCount} frames) → {request.Output}: {table.Count} localizations, one per frame; position regressor, {px:G6} nm/px ({TableFormats.DisplayName(format)})"));
        }
        finally
        {
            Backend.Current = previous;
        }

        return ExitCodes.Ok;
    }

    private static void Stream(CliConsole console, LocalizeRequest request, IFrameReader reader, RegressorModel model, LocalizationCsvStream table, double px, int views)
    {
        var plane = model.Width * model.Height;
        var batch = Math.Clamp(request.Batch, 1, Math.Max(1, reader.FrameCount));
        var frames = new float[batch * plane];
        var positions = new double[2 * batch];
        var rows = new List<Localization>(batch);
        ProgressScope.Run(console, $"localize {Path.GetFileName(request.Movie)}", reader.FrameCount, report =>
        {
            for (var first = 0; first < reader.FrameCount; first += batch)
            {
                var count = Math.Min(batch, reader.FrameCount - first);
                for (var i = 0; i < count; i++)
                {
                    var frame = frames.AsSpan(i * plane, plane);
                    reader.ReadFrame(first + i, frame);
                    FrameCheck.Require(request.Movie, first + i, frame, model.Width, positiveMean: false);
                    SimulationDataSource.Standardize(frame);
                }

                model.Predict(frames, count, positions, views);
                rows.Clear();
                for (var i = 0; i < count; i++)
                {
                    rows.Add(new Localization(first + i, PixelCoordinates.ToNanometres(positions[2 * i], px), PixelCoordinates.ToNanometres(positions[(2 * i) + 1], px)));
                }

                table.Append(rows);
                report(first + count);
            }

            return 0;
        });
    }
}
