using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Track;
using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin track LOCS -o TRACKS`: links localizations into tracks with trackpy's search range, memory and velocity
/// prediction, and writes them with a particle column.
/// </summary>
internal static class TrackCommand
{
    public const int MaxMemory = 1_000_000;

    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "A localization table: ThunderSTORM, trackpy or SMLM Challenge CSV" };
        var output = new Option<string>("--output", "-o") { Description = "The tracks to write (CSV with a particle column)", Required = true };
        var searchRange = new Option<double>("--search-range") { Description = "trackpy's search_range: the largest distance a particle moves between frames, in pixels", Required = true };
        var memory = new Option<int>("--memory") { Description = "trackpy's memory: frames a particle may go unseen and still keep its track", DefaultValueFactory = _ => 0 };
        var predict = new Option<bool>("--predict") { Description = "Search around where each particle's last velocity takes it (constant-velocity prediction)" };
        var minLength = new Option<int?>("--min-length") { Description = "Drop tracks seen in fewer frames than this (trackpy's filter_stubs)" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm: needed for tables in nm (the search range is in pixels) and to write nm from a trackpy table" };
        var format = new Option<string>("--format", "-f") { Description = "Output format: trackpy (pixels, 0-based frames) or thunderstorm (nm, 1-based frames)", DefaultValueFactory = _ => "trackpy" };
        var command = new Command("track", "Link localizations into particle tracks (trackpy-style linking by global assignment)")
        {
            input, output, searchRange, memory, predict, minLength, pixelSize, format,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var request = new TrackRequest(
                parse.GetValue(input)!,
                parse.GetValue(output)!,
                parse.GetValue(searchRange),
                parse.GetValue(memory),
                parse.GetValue(predict),
                parse.GetValue(minLength),
                parse.GetValue(pixelSize),
                ParseFormat(parse.GetValue(format)!));
            Check(request);
            TrackRun.Run(console, request);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static TableFormat ParseFormat(string name) => name.Trim().ToLowerInvariant() switch
    {
        "trackpy" => TableFormat.Trackpy,
        "thunderstorm" => TableFormat.ThunderStorm,
        _ => throw new UserInputException($"--format '{name}' is not a track format: use trackpy or thunderstorm"),
    };

    private static void Check(TrackRequest request)
    {
        if (!double.IsFinite(request.SearchRangePx) || request.SearchRangePx <= 0)
            throw new UserInputException($"--search-range must be a positive number of pixels, not {request.SearchRangePx}");
        if (request.Memory is < 0 or > MaxMemory)
            throw new UserInputException($"--memory must be a number of frames between 0 and {MaxMemory}, not {request.Memory}");
        if (request.MinLength is < 1)
            throw new UserInputException($"--min-length must be a number of frames ≥ 1, not {request.MinLength}");
        if (request.PixelSizeNm is { } px && (!double.IsFinite(px) || px <= 0))
            throw new UserInputException($"--pixel-size must be a positive number of nm, not {px}");
        if (Path.GetFullPath(request.Input) == Path.GetFullPath(request.Output))
            throw new UserInputException($"{request.Output}: the output would replace the input; choose another name");
    }
}
