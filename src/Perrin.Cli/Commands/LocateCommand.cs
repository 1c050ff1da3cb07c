using System.CommandLine;
using Perrin.Analysis.Localizers;
using Perrin.Cli.Console;
using Perrin.Cli.Locate;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin locate MOVIE --method NAME -o locs.csv`: localizes particles frame by frame with a classical method and
/// writes a ThunderSTORM (nm, 1-based frames) or trackpy (pixels from the first pixel's centre, 0-based) table.
/// </summary>
internal static class LocateCommand
{
    public static Command Create(CliConsole console) => Build(console).Command;

    /// <summary>
    /// A method's localizer with the command line's defaults, plus <paramref name="extra"/> options (crocker-grier
    /// needs its --diameter), for float32 frames, as the benchmark runs it.
    /// </summary>
    public static IFrameLocalizer DefaultLocalizer(string name, params string[] extra)
    {
        var (command, methods, shared) = Build(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false));
        var parse = command.Parse(["movie.tif", "--method", name, "-o", "locs.csv", .. extra]);
        return Factory(parse, Choose(methods, name), shared, PixelType.Float32)();
    }

    /// <summary>Method names in the order `perrin locate --help` lists them.</summary>
    public static IReadOnlyList<string> MethodNames => [.. LocateMethods.Create(new LocateOptions()).Select(m => m.Name)];

    private static (Command Command, IReadOnlyList<LocateMethod> Methods, LocateOptions Shared) Build(CliConsole console)
    {
        var shared = new LocateOptions();
        var methods = LocateMethods.Create(shared);
        var names = string.Join(", ", methods.Select(m => m.Name));
        var movie = new Argument<string>("movie") { Description = "A TIFF movie, a PNG, or a folder or pattern of PNG frames" };
        var method = new Option<string>("--method", "-m") { Description = $"Localization method: {string.Join("; ", methods.Select(m => $"{m.Name}: {m.Description}"))}", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The localization table to write", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "Table format: thunderstorm (nm, frames 1-based) or trackpy (pixels, frames 0-based)", DefaultValueFactory = _ => "thunderstorm" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm (default: the movie's calibration)" };
        var threads = new Option<int>("--threads") { Description = "Threads to locate with (the output does not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Replace the output if it exists" };
        var command = new Command("locate", $"Localize particles in a movie, frame by frame, with a classical method ({names})")
        {
            movie, method, output, format, pixelSize, threads, force,
        };
        foreach (var option in methods.SelectMany(m => m.Options).Distinct())
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var chosen = Choose(methods, parse.GetValue(method)!);
            CheckOptionsApply(parse, chosen, methods);
            var tableFormat = ParseFormat(parse.GetValue(format)!);
            var threadCount = parse.GetValue(threads);
            if (threadCount is < 1 or > 1024)
            {
                throw new UserInputException($"--threads must be between 1 and 1024, got {threadCount}");
            }

            var input = parse.GetValue(movie)!;
            var target = parse.GetValue(output)!;
            if (File.Exists(target) && !parse.GetValue(force))
            {
                throw new UserInputException($"{target} exists; add --force to replace it");
            }

            using var reader = MovieFile.OpenReader(input);
            var create = Factory(parse, chosen, shared, reader.PixelType);
            var px = parse.GetValue(pixelSize) ?? reader.Metadata.PixelSizeNm
                ?? throw new UserInputException($"{input} has no pixel-size calibration; add --pixel-size (nm per pixel)");
            if (!(px > 0) || double.IsInfinity(px))
            {
                throw new UserInputException($"--pixel-size must be a positive number of nm, not {px}");
            }

            using var table = new LocalizationCsvStream(target, tableFormat, chosen.Columns, px);
            var count = LocateRun.Run(console, reader, create, table, px, threadCount);
            table.Commit();
            console.Error.WriteLine($"{input}: {reader.FrameCount} frames, {count} localizations ({chosen.Name}, {px} nm/px) → {target} ({TableFormats.DisplayName(tableFormat)})");
            return ExitCodes.Ok;
        }));
        return (command, methods, shared);
    }

    private static LocateMethod Choose(IReadOnlyList<LocateMethod> methods, string name) =>
        methods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"--method {name}: unknown method; choose one of {string.Join(", ", methods.Select(m => m.Name))}");

    // Building one localizer up front turns out-of-range parameters into a message naming the option.
    private static Func<IFrameLocalizer> Factory(ParseResult parse, LocateMethod chosen, LocateOptions shared, PixelType sampleType)
    {
        try
        {
            chosen.Create(parse, sampleType);
        }
        catch (ArgumentException e)
        {
            var reason = e.Message.Split(" (Parameter", 2)[0];
            throw new UserInputException($"{shared.OptionFor(e.ParamName)}: {reason}", e);
        }

        return () => chosen.Create(parse, sampleType);
    }

    private static void CheckOptionsApply(ParseResult parse, LocateMethod chosen, IReadOnlyList<LocateMethod> methods)
    {
        foreach (var option in methods.SelectMany(m => m.Options).Distinct())
        {
            if (!chosen.Options.Contains(option) && parse.GetResult(option) is { Implicit: false })
            {
                throw new UserInputException($"{option.Name} does not apply to --method {chosen.Name}");
            }
        }
    }

    private static TableFormat ParseFormat(string format) => format.ToUpperInvariant() switch
    {
        "THUNDERSTORM" => TableFormat.ThunderStorm,
        "TRACKPY" => TableFormat.Trackpy,
        _ => throw new UserInputException($"--format {format}: expected thunderstorm or trackpy"),
    };
}
