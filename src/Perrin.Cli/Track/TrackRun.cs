using System.Globalization;
using Perrin.Analysis.Linking;
using Perrin.Cli.Commands;
using Perrin.Cli.Console;
using Perrin.Core.Tables;

namespace Perrin.Cli.Track;

/// <summary>
/// Links a localization table into tracks and writes it with a particle column. Positions are linked in nanometres;
/// a trackpy table read without a pixel size is taken at a nominal 1 nm per pixel, which is exact to the pixel
/// convention and only matters if the output is in nanometres (which then needs the real pixel size).
/// </summary>
internal static class TrackRun
{
    public static void Run(CliConsole console, TrackRequest request)
    {
        var source = LocalizationTableIO.Detect(request.Input);
        var table = LocalizationTableIO.Read(request.Input, source, request.PixelSizeNm ?? (source == TableFormat.Trackpy ? 1.0 : null));
        if (table.Count == 0)
            throw new UserInputException($"{request.Input} holds no localizations: there is nothing to link");
        var pixelSize = PixelSize(request, source);

        var options = new LinkingOptions(request.SearchRangePx * pixelSize, request.Memory, request.Predict);
        var (linked, statistics) = Link(console, request, table, options);
        var kept = request.MinLength is { } minLength ? TrackFilters.FilterStubs(linked, minLength) : linked;
        var output = new LocalizationTable(kept, table.Columns | LocalizationColumns.Particle, table.PixelSizeNm);
        LocalizationTableIO.Write(request.Output, output, request.Format, pixelSize);

        console.Error.WriteLine(Summary(request, source, table, statistics, kept));
    }

    private static double PixelSize(TrackRequest request, TableFormat source)
    {
        if (request.PixelSizeNm is { } given)
            return given;
        if (source != TableFormat.Trackpy)
            throw new UserInputException($"--search-range is in pixels and {request.Input} ({TableFormats.DisplayName(source)}) is in nm: add --pixel-size (nm per pixel)");
        if (request.Format != TableFormat.Trackpy)
            throw new UserInputException($"{request.Input} is in pixels and {TableFormats.DisplayName(request.Format)} is in nm: add --pixel-size (nm per pixel)");
        return 1.0;
    }

    private static (List<Localization> Rows, LinkStatistics Statistics) Link(CliConsole console, TrackRequest request, LocalizationTable table, LinkingOptions options)
    {
        var frames = table.Rows.GroupBy(r => r.Frame).OrderBy(g => g.Key).ToList();
        var linker = new TrackLinker(options);
        var rows = new List<Localization>(table.Count);
        ProgressScope.Run(console, $"track {Path.GetFileName(request.Input)}", frames.Count, report =>
        {
            for (var f = 0; f < frames.Count; f++)
            {
                try
                {
                    rows.AddRange(linker.LinkFrame(frames[f].Key, frames[f].ToArray()));
                }
                catch (ArgumentException e)
                {
                    throw new UserInputException($"{request.Input}: {e.Message}", e);
                }

                report(f + 1);
            }

            return rows.Count;
        });
        return (rows, linker.Statistics);
    }

    private static string Summary(TrackRequest request, TableFormat source, LocalizationTable table, LinkStatistics s, List<Localization> kept)
    {
        var lengths = TrackFilters.Lengths(kept);
        var mean = lengths.Count == 0 ? 0 : (double)kept.Count / lengths.Count;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Input} ({TableFormats.DisplayName(source)}): {table.Count} localizations in {s.Frames} frames → {s.Tracks} tracks, {s.Links} links ({s.GapLinks} across gaps)");
        if (request.MinLength is { } minLength)
            text += string.Create(CultureInfo.InvariantCulture, $"; {s.Tracks - lengths.Count} tracks shorter than {minLength} frames dropped");
        return text + string.Create(
            CultureInfo.InvariantCulture,
            $"\n{request.Output} ({TableFormats.DisplayName(request.Format)}): {lengths.Count} tracks, mean length {mean:F1} frames, {kept.Count} localizations");
    }
}
