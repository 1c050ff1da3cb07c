using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Perrin.Cli.Bench;
using Perrin.Cli.Console;
using Perrin.Core.IO.Tiff;
using Spectre.Console;

namespace Perrin.Cli.Commands;

/// <summary>`perrin bench`: speed measurements, printed as a table or as one JSON object.</summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var bench = new Command("bench", "Measure Perrin's speed on the standard benchmark cases");
        bench.Subcommands.Add(CreateIo(console));
        return bench;
    }

    private static Command CreateIo(CliConsole console)
    {
        var size = new Option<long>("--size-mb") { Description = "Size of the test movie in MiB", DefaultValueFactory = _ => 2048 };
        var side = new Option<int>("--side") { Description = "Frame width and height in pixels (16-bit frames)", DefaultValueFactory = _ => 512 };
        var compression = new Option<TiffCompression>("--compression") { Description = "TIFF compression of the test movie", DefaultValueFactory = _ => TiffCompression.None };
        var folder = new Option<string?>("--dir") { Description = "Folder for the temporary test movie (default: the system's temporary folder)" };
        var input = new Option<string?>("--input") { Description = "Time streaming this existing TIFF instead of writing a test movie" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var io = new Command("io", "Write a multi-page TIFF and stream it back: throughput in MiB/s and the read's peak memory")
        {
            size, side, compression, folder, input, json,
        };
        io.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var megabytes = parse.GetValue(size);
            var frameSide = parse.GetValue(side);
            if (megabytes <= 0 || frameSide is <= 0 or > 16384)
            {
                throw new UserInputException("--size-mb must be positive and --side between 1 and 16384");
            }

            if (parse.GetValue(input) is { } existing)
            {
                var measured = ProgressScope.Run(console, "bench io", 1000, report =>
                    TiffThroughput.MeasureRead(existing, (done, total) => report(done * 1000 / total)));
                Print(console, measured, parse.GetValue(json));
                return ExitCodes.Ok;
            }

            var dir = parse.GetValue(folder) ?? Path.GetTempPath();
            if (!Directory.Exists(dir))
            {
                throw new UserInputException($"--dir {dir}: no such folder");
            }

            var result = ProgressScope.Run(console, "bench io", 1000, report =>
                TiffThroughput.Measure(dir, megabytes, frameSide, parse.GetValue(compression), (done, total) => report(done * 1000 / total)));
            Print(console, result, parse.GetValue(json));
            return ExitCodes.Ok;
        }));
        return io;
    }

    private static void Print(CliConsole console, TiffThroughputResult r, bool json)
    {
        if (json)
        {
            var node = new JsonObject
            {
                ["case"] = "tiff-stream",
                ["compression"] = r.Compression,
                ["pixel_type"] = r.PixelType,
                ["frames"] = r.Frames,
                ["width"] = r.Width,
                ["height"] = r.Height,
                ["file_bytes"] = r.FileBytes,
                ["write_mib_per_s"] = r.WriteMbPerS is { } w ? Math.Round(w, 1) : null,
                ["read_mib_per_s"] = Math.Round(r.ReadMbPerS, 1),
                ["read_peak_rss_mib"] = Math.Round(r.ReadPeakRssMb, 1),
            };
            console.Out.WriteLine(node.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("movie", $"{r.Frames} frames of {r.Width}×{r.Height} {r.PixelType}, {r.Compression}");
        table.AddRow("file size", $"{r.FileBytes / (1024.0 * 1024.0):F0} MiB");
        if (r.WriteMbPerS is { } write)
        {
            table.AddRow("write", string.Create(CultureInfo.InvariantCulture, $"{write:F0} MiB/s"));
        }

        table.AddRow("read, frame by frame to float32", string.Create(CultureInfo.InvariantCulture, $"{r.ReadMbPerS:F0} MiB/s"));
        table.AddRow("peak memory while reading", string.Create(CultureInfo.InvariantCulture, $"{r.ReadPeakRssMb:F0} MiB"));
        console.Ansi.Write(table);
    }
}
