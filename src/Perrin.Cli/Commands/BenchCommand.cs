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
        bench.Subcommands.Add(CreateSim(console));
        bench.Subcommands.Add(CreateNn(console));
        bench.Subcommands.Add(BenchLocateCommand.Create(console));
        bench.Subcommands.Add(BenchLocalizeCommand.Create(console));
        bench.Subcommands.Add(BenchSingleParticleCommand.Create(console));
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

    private static Command CreateSim(CliConsole console)
    {
        var threads = new Option<int>("--threads") { Description = "Threads for the many-core measurement (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seconds = new Option<double>("--seconds") { Description = "Seconds to measure each case for, per thread count", DefaultValueFactory = _ => 3 };
        var images = new Option<long?>("--images") { Description = "Render exactly this many images per measurement instead of measuring for a time" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var sim = new Command("sim", "Simulated images per second (fluorescence sim-a and sim-b, brightfield sim-c), on one thread and on many")
        {
            threads, seconds, images, json,
        };
        sim.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var n = parse.GetValue(threads);
            var time = parse.GetValue(seconds);
            var count = parse.GetValue(images);
            if (n is < 1 or > 1024 || !(time > 0 && time <= 3600) || count is < 1)
            {
                throw new UserInputException("--threads must be between 1 and 1024, --seconds between 0 and 3600 and --images at least 1");
            }

            var results = ProgressScope.Run(console, "bench sim", SimBenchCase.All.Count * 2, report =>
            {
                var benchmark = new SimBenchmark();
                var measured = new List<SimBenchResult>();
                foreach (var bench in SimBenchCase.All)
                {
                    var one = benchmark.Measure(bench, 1, time, count);
                    report((measured.Count * 2) + 1);
                    var many = n == 1 ? one : benchmark.Measure(bench, n, time, count);
                    measured.Add(new SimBenchResult(bench, n, many, one));
                    report(measured.Count * 2);
                }

                return measured;
            });
            PrintSim(console, n, results, parse.GetValue(json));
            return ExitCodes.Ok;
        }));
        return sim;
    }

    private static Command CreateNn(CliConsole console)
    {
        var threads = new Option<int>("--threads") { Description = "Threads for the engine and for the PyTorch reference (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var steps = new Option<int>("--steps") { Description = "Timed steps per case; the median is reported", DefaultValueFactory = _ => 10 };
        var reference = new Option<string?>("--torch-reference") { Description = "Also run this torch_reference.py (BENCHMARKS.md) with the same threads and steps and report the ratios" };
        var python = new Option<string>("--python") { Description = "The Python that has torch", DefaultValueFactory = _ => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var rounds = new Option<int>("--rounds") { Description = "Paired rounds, each timing our networks and then PyTorch; times and speed-ups are medians over the rounds, which steadies them on a shared machine", DefaultValueFactory = _ => 1 };
        var lockstep = new Option<bool>("--lockstep") { Description = "Pair every timed step with one PyTorch step of the same network taken right next to it (needs --torch-reference); speed-ups are medians of the per-pair ratios, --steps pairs per network" };
        var nn = new Command("nn", "Training-step and inference times of the standard networks (unet-bench, cnn-bench), optionally side by side with PyTorch")
        {
            threads, steps, reference, python, json, rounds, lockstep,
        };
        nn.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var n = parse.GetValue(threads);
            var count = parse.GetValue(steps);
            if (n is < 1 or > 1024 || count is < 1 or > 10000)
            {
                throw new UserInputException("--threads must be between 1 and 1024 and --steps between 1 and 10000");
            }

            var roundCount = parse.GetValue(rounds);
            if (roundCount is < 1 or > 100)
            {
                throw new UserInputException($"--rounds {roundCount}: expected a count between 1 and 100");
            }

            var script = parse.GetValue(reference);
            if (script is not null && !File.Exists(script))
            {
                throw new UserInputException($"--torch-reference {script}: no such file");
            }

            var inLockstep = parse.GetValue(lockstep);
            if (inLockstep && script is null)
            {
                throw new UserInputException("--lockstep needs --torch-reference: it pairs our steps with PyTorch's");
            }

            if (inLockstep && roundCount != 1)
            {
                throw new UserInputException($"--lockstep pairs single steps; it does not combine with --rounds {roundCount}");
            }

            ProcessMemory.ResetPeak();
            var paired = new NnBenchRounds();
            if (inLockstep)
            {
                using var torch = TorchLockstep.Start(parse.GetValue(python)!, script!, n);
                paired = ProgressScope.Run(console, "bench nn, in lockstep with PyTorch", NnLockstep.Units(count),
                    report => NnLockstep.Run(torch, n, count, report));
            }
            else
            {
                for (var round = 0; round < roundCount; round++)
                {
                    var title = roundCount == 1 ? "bench nn" : $"bench nn, round {round + 1} of {roundCount}";
                    var ours = ProgressScope.Run(console, title, NnBenchCase.All.Count, report =>
                    {
                        var measured = new List<NnBenchResult>();
                        foreach (var bench in NnBenchCase.All)
                        {
                            measured.Add(NnBenchmark.Measure(bench, n, count));
                            report(measured.Count);
                        }

                        return measured;
                    });
                    paired.Add(ours, script is null ? null : TorchReference.Run(parse.GetValue(python)!, script, n, count));
                }
            }

            var peak = ProcessMemory.PeakResidentMb();
            var gemm = GemmThroughput.Measure(n);
            var blas = script is null ? null : GemmThroughput.MeasureNumpy(parse.GetValue(python)!, n);
            if (blas is { } slow && slow < GemmThroughput.OptimizedBlasFloorGflops * n)
            {
                // Debian's torch takes its matrix products from the system's libblas.so.3; without OpenBLAS that is
                // the reference BLAS, which slows PyTorch's dense and transposed layers several-fold.
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: numpy's BLAS reaches only {slow:F0} GFLOP/s, so this Python (and its torch) has the reference BLAS rather than OpenBLAS, and the ratios flatter Perrin; install libopenblas0-pthread for the reference setup of ../shared/bench/BENCHMARKS.md"));
            }

            PrintNn(console, n, paired, inLockstep, peak, parse.GetValue(json), gemm, blas);
            return ExitCodes.Ok;
        }));
        return nn;
    }

    private static void PrintNn(CliConsole console, int threads, NnBenchRounds paired, bool lockstep, double peakMb,
        bool json, double gemmGflops, double? blasGflops)
    {
        var ours = paired.Ours;
        var torch = paired.Torch;
        double? Speedup(string name, bool train) => paired.Speedup(name, train) is { } s ? Math.Round(s, 2) : null;
        JsonArray Rounds(string name, bool train) => new((paired.Ratios(name, train) ?? []).Select(r => (JsonNode?)Math.Round(r, 2)).ToArray());
        if (json)
        {
            var cases = new JsonArray();
            foreach (var r in ours)
            {
                var peer = torch?.Cases.GetValueOrDefault(r.Case);
                var node = new JsonObject
                {
                    ["case"] = r.Case,
                    ["params"] = r.Parameters,
                    ["batch"] = r.Batch,
                    ["train_step_ms"] = Math.Round(r.TrainStepMs, 2),
                    ["infer_batch_ms"] = Math.Round(r.InferBatchMs, 2),
                };
                if (peer is not null)
                {
                    node["torch_train_step_ms"] = Math.Round(peer.TrainStepMs, 2);
                    node["torch_infer_batch_ms"] = Math.Round(peer.InferBatchMs, 2);
                    node["train_speedup_vs_torch"] = Speedup(r.Case, true);
                    node["infer_speedup_vs_torch"] = Speedup(r.Case, false);
                    node[lockstep ? "train_speedup_pairs" : "train_speedup_rounds"] = Rounds(r.Case, true);
                    node[lockstep ? "infer_speedup_pairs" : "infer_speedup_rounds"] = Rounds(r.Case, false);
                }

                cases.Add(node);
            }

            var root = new JsonObject
            {
                ["threads"] = threads,
                ["rounds"] = lockstep ? 1 : paired.Count,
                ["cases"] = cases,
                ["peak_rss_mib"] = Math.Round(peakMb, 1),
                ["sgemm_1024_gflops"] = Math.Round(gemmGflops, 1),
            };
            if (lockstep)
            {
                root["lockstep"] = true;
                root["pairs"] = paired.Count;
            }

            if (blasGflops is { } b)
            {
                root["numpy_blas_sgemm_1024_gflops"] = Math.Round(b, 1);
            }
            if (torch is not null)
            {
                root["torch"] = new JsonObject { ["version"] = torch.Version, ["peak_rss_mib"] = torch.PeakResidentMb is { } p ? Math.Round(p, 1) : null };
            }

            console.Out.WriteLine(root.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("case")
            .AddColumn(new TableColumn("params").RightAligned())
            .AddColumn(new TableColumn("train step ms").RightAligned())
            .AddColumn(new TableColumn("inference ms").RightAligned());
        if (torch is not null)
        {
            table.AddColumn(new TableColumn("PyTorch train ms").RightAligned())
                .AddColumn(new TableColumn("PyTorch inference ms").RightAligned())
                .AddColumn(new TableColumn("speed-up train / inference").RightAligned());
        }

        foreach (var r in ours)
        {
            var cells = new List<string>
            {
                r.Case,
                r.Parameters.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{r.TrainStepMs:F1}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.InferBatchMs:F1}"),
            };
            if (torch is not null)
            {
                var peer = torch.Cases.GetValueOrDefault(r.Case);
                cells.Add(peer is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{peer.TrainStepMs:F1}"));
                cells.Add(peer is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{peer.InferBatchMs:F1}"));
                cells.Add(peer is null || Speedup(r.Case, true) is not { } st || Speedup(r.Case, false) is not { } si
                    ? "–"
                    : string.Create(CultureInfo.InvariantCulture, $"{st:F2}× / {si:F2}×"));
            }

            table.AddRow(cells.ToArray());
        }

        console.Ansi.Write(table);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threads {threads}") +
            (lockstep ? string.Create(CultureInfo.InvariantCulture, $"; medians of {paired.Count} lockstep pairs per network")
                : paired.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"; medians of {paired.Count} paired rounds") : "") +
            string.Create(CultureInfo.InvariantCulture, $"; peak memory {peakMb:F0} MiB") +
            (torch?.PeakResidentMb is { } tp ? string.Create(CultureInfo.InvariantCulture, $", PyTorch {torch.Version} {tp:F0} MiB") : "") +
            string.Create(CultureInfo.InvariantCulture, $"; SGEMM 1024³ {gemmGflops:F0} GFLOP/s") +
            (blasGflops is { } bg ? string.Create(CultureInfo.InvariantCulture, $", numpy's BLAS {bg:F0} GFLOP/s") : ""));
    }

    private static void PrintSim(CliConsole console, int threads, List<SimBenchResult> results, bool json)
    {
        if (json)
        {
            var cases = new JsonArray();
            foreach (var r in results)
            {
                cases.Add(new JsonObject
                {
                    ["case"] = r.Case.Name,
                    ["images_per_s"] = Math.Round(r.ImagesPerSecond, 1),
                    ["images_per_s_1_thread"] = Math.Round(r.ImagesPerSecondOneThread, 1),
                    ["deeptrack_images_per_s"] = new JsonArray(r.Case.DeepTrackLow, r.Case.DeepTrackHigh),
                    ["ratio_vs_deeptrack"] = Ratio(r.ImagesPerSecond, r.Case),
                    ["ratio_vs_deeptrack_1_thread"] = Ratio(r.ImagesPerSecondOneThread, r.Case),
                });
            }

            console.Out.WriteLine(new JsonObject { ["threads"] = threads, ["psf"] = SimBenchmark.PsfDescription, ["cases"] = cases }.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("case")
            .AddColumn(new TableColumn("img/s, 1 thread").RightAligned())
            .AddColumn(new TableColumn($"img/s, {threads} threads").RightAligned())
            .AddColumn(new TableColumn("DeepTrack 2.0 img/s").RightAligned())
            .AddColumn(new TableColumn("ratio, 1 thread").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Case.Name,
                string.Create(CultureInfo.InvariantCulture, $"{r.ImagesPerSecondOneThread:F0}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.ImagesPerSecond:F0}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.Case.DeepTrackLow}–{r.Case.DeepTrackHigh}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.ImagesPerSecondOneThread / r.Case.DeepTrackHigh:F0}–{r.ImagesPerSecondOneThread / r.Case.DeepTrackLow:F0}×"));
        }

        console.Ansi.Write(table);
        console.Error.WriteLine($"PSF: {SimBenchmark.PsfDescription}");
    }

    private static JsonArray Ratio(double imagesPerSecond, SimBenchCase bench) =>
        new(Math.Round(imagesPerSecond / bench.DeepTrackHigh, 1), Math.Round(imagesPerSecond / bench.DeepTrackLow, 1));

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
