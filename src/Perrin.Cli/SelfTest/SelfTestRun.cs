using System.Diagnostics;
using Perrin.Cli.Console;
using Perrin.Cli.Overlay;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.SelfTest;

/// <summary>
/// The end-to-end run behind `perrin selftest`: a seeded test movie through every file path Perrin offers, with
/// each result read back and checked, so that a failure shows as a failed check rather than a silent difference.
/// </summary>
internal sealed class SelfTestRun
{
    private const double PixelSizeNm = 100;
    private const double FrameIntervalS = 0.05;
    private readonly CliConsole _console;
    private readonly string _folder;
    private readonly List<(string Name, bool Passed, string Detail)> _checks = [];

    public SelfTestRun(CliConsole console, string folder)
    {
        _console = console;
        _folder = folder;
    }

    public IReadOnlyList<(string Name, bool Passed, string Detail)> Checks => _checks;

    public bool Execute(int frames, int side, int spots, int seed)
    {
        Directory.CreateDirectory(_folder);
        var clock = Stopwatch.StartNew();
        var (movie, truth) = new TestPattern(frames, side, spots, PixelSizeNm, FrameIntervalS, seed).Render();
        var counts = new ImageStack(movie.FrameCount, movie.Height, movie.Width, movie.ToUInt16().Select(v => (float)v).ToArray(), movie.Metadata);

        var plain = Output("movie.tif");
        WriteTiff(plain, counts, new TiffWriteOptions { Metadata = counts.Metadata });
        Check("ImageJ TIFF round trip", SameSamples(plain, counts), "movie.tif: 16-bit, little-endian, uncompressed, calibrated");
        Check("calibration survives", Calibrated(plain), $"{PixelSizeNm} nm pixels, {FrameIntervalS} s frame interval read back");

        var lzw = Output("movie-lzw.tif");
        WriteTiff(lzw, counts, new TiffWriteOptions { Metadata = counts.Metadata, Compression = TiffCompression.Lzw, Predictor = 2 });
        Check("LZW + predictor round trip", SameSamples(lzw, counts), $"movie-lzw.tif: {Ratio(lzw, plain)} of the uncompressed size");

        var tiled = Output("movie-be-tiled-deflate.tif");
        WriteTiff(tiled, counts, new TiffWriteOptions
        {
            Metadata = counts.Metadata,
            LittleEndian = false,
            Layout = TiffLayout.Tiles,
            TileSize = 64,
            Compression = TiffCompression.Deflate,
            Predictor = 2,
        });
        Check("big-endian tiled Deflate round trip", SameSamples(tiled, counts), $"movie-be-tiled-deflate.tif: {Ratio(tiled, plain)} of the uncompressed size");

        var frameFolder = Output("frames");
        WritePngSequence(plain, frameFolder);
        using (var png = PngSequenceReader.Open(frameFolder))
        {
            Check("PNG sequence", png.FrameCount == frames && png.PixelType == PixelType.UInt8, $"frames/: {png.FrameCount} 8-bit PNGs, stretched to the movie's range");
        }

        WritePreview(counts, truth);
        Check("preview with known centres", File.Exists(Output("preview.png")), "preview.png: frame 1 enlarged, known centres ringed in red");

        CheckTables(truth);
        _console.Error.WriteLine($"selftest finished in {clock.Elapsed.TotalSeconds:F1} s; files in {_folder}");
        return _checks.All(c => c.Passed);
    }

    private static string Ratio(string file, string reference) =>
        $"{100.0 * new FileInfo(file).Length / new FileInfo(reference).Length:F0}%";

    private static void WriteTiff(string path, ImageStack stack, TiffWriteOptions options)
    {
        using var writer = TiffWriter.Create(path, stack.Width, stack.Height, PixelType.UInt16, options with { ExpectedFrameCount = stack.FrameCount });
        stack.WriteTo(writer);
        writer.Complete();
    }

    private static bool SameSamples(string path, ImageStack expected)
    {
        using var reader = TiffReader.Open(path);
        var back = ImageStack.Read(reader);
        return back.FrameCount == expected.FrameCount && back.Data.SequenceEqual(expected.Data);
    }

    private static bool Calibrated(string path)
    {
        using var reader = TiffReader.Open(path);
        return reader.Info.IsImageJ
            && Math.Abs(reader.Metadata.PixelSizeNm.GetValueOrDefault() - PixelSizeNm) < 1e-9
            && Math.Abs(reader.Metadata.FrameIntervalS.GetValueOrDefault() - FrameIntervalS) < 1e-12;
    }

    private static void WritePngSequence(string tiff, string folder)
    {
        Directory.CreateDirectory(folder);
        using var reader = TiffReader.Open(tiff);
        using var writer = PngSequenceWriter.Create(folder, "frame", reader.Width, reader.Height, PixelType.UInt8, reader.FrameCount);
        FrameCopy.Copy(reader, writer, IntegerScaling.MinMax);
        writer.Complete();
    }

    private void WritePreview(ImageStack counts, List<(int Frame, double X, double Y, double Photons)> truth)
    {
        const int zoom = 2;
        var overlay = new RgbOverlay(counts[0], zoom);
        foreach (var (_, x, y, _) in truth.Where(t => t.Frame == 0))
        {
            overlay.Ring(x, y, radius: 4.5, red: 255, green: 40, blue: 40);
        }

        PngWriter.Write(Output("preview.png"), overlay.ToImage());
    }

    private void CheckTables(List<(int Frame, double X, double Y, double Photons)> truth)
    {
        var rows = truth.Select((t, i) => new Localization(t.Frame, PixelCoordinates.ToNanometres(t.X, PixelSizeNm), PixelCoordinates.ToNanometres(t.Y, PixelSizeNm))
        {
            Id = i + 1,
            Intensity = t.Photons,
            Sigma = 1.3 * PixelSizeNm,
            Offset = 100,
            BkgStd = 4,
            Uncertainty = double.NaN,
        });
        var table = new LocalizationTable(rows, LocalizationColumns.ThunderStorm, PixelSizeNm);
        var storm = Output("truth-thunderstorm.csv");
        var trackpy = Output("truth-trackpy.csv");
        LocalizationTableIO.Write(storm, table, TableFormat.ThunderStorm);
        var stormBack = LocalizationTableIO.Read(storm);
        LocalizationTableIO.Write(trackpy, stormBack, TableFormat.Trackpy, PixelSizeNm);
        var trackpyBack = LocalizationTableIO.Read(trackpy, TableFormat.Trackpy, PixelSizeNm);
        Check("ThunderSTORM table round trip", stormBack.Rows.SequenceEqual(table.Rows, PositionComparer.Exact), $"truth-thunderstorm.csv: {table.Count} known centres in nm, frames 1-based");
        var worst = table.Rows.Zip(trackpyBack.Rows).Max(p => Math.Max(Math.Abs(p.First.X - p.Second.X), Math.Abs(p.First.Y - p.Second.Y)));
        Check("trackpy conversion", worst < 1e-9 && trackpyBack.Count == table.Count, $"truth-trackpy.csv: pixels from the first pixel's centre; worst round-trip error {worst:E1} nm");
    }

    private void Check(string name, bool passed, string detail) => _checks.Add((name, passed, detail));

    private string Output(string name) => Path.Combine(_folder, name);
}
