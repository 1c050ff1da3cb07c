using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;
using Perrin.Core.Tables;

namespace Perrin.Cli.Overlay;

/// <summary>
/// Runs `perrin overlay`: reads only the requested frames of the movie, one at a time, and draws each frame's
/// detections (green crosses) and truth (magenta circles) over it.
/// </summary>
internal static class OverlayRun
{
    public static int Run(CliConsole console, OverlayRequest request)
    {
        if (request.Scale is < 1 or > 32)
            throw new UserInputException($"--scale must be a whole factor from 1 to 32, not {request.Scale}");
        if (request.Frame is not null && request.Frames is not null)
            throw new UserInputException("give either --frame K or --frames FIRST:LAST, not both");

        using var reader = MovieFile.OpenReader(request.Movie);
        var range = request.Frames is { } text
            ? FrameRange.Parse(text, reader.FrameCount)
            : FrameRange.Checked(request.Frame ?? 1, request.Frame ?? 1, reader.FrameCount);
        var single = request.Frames is null;
        if (!single && request.Output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new UserInputException($"--frames writes one PNG per frame: -o must name a folder, not {request.Output}");
        if (single && !request.Output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new UserInputException($"-o must name a .png file for one frame, not {request.Output}");
        if ((long)reader.Width * reader.Height * request.Scale * request.Scale > 1L << 28)
            throw new UserInputException($"a {reader.Width}×{reader.Height} frame at --scale {request.Scale} would make an image of over 2^28 pixels; lower --scale");

        var pixelSize = request.PixelSizeNm ?? reader.Metadata.PixelSizeNm
            ?? throw new UserInputException($"{request.Movie} does not say its pixel size, which places positions in nm on the image: add --pixel-size (nm per pixel)");
        if (!double.IsFinite(pixelSize) || pixelSize <= 0)
            throw new UserInputException($"--pixel-size must be a positive number of nm, not {pixelSize}");

        var detections = new OverlayMarks(request.Detections, range, pixelSize);
        var truth = request.Truth is { } t ? new OverlayMarks(t, range, pixelSize) : null;
        if (!single)
            Directory.CreateDirectory(request.Output);

        var digits = Math.Max(5, range.Last.ToString(CultureInfo.InvariantCulture).Length);
        var buffer = new float[reader.Width * reader.Height];
        ProgressScope.Run(console, "overlay", range.Count, report =>
        {
            for (var k = range.First; k <= range.Last; k++)
            {
                reader.ReadFrame(k - 1, buffer);
                var path = single ? request.Output : Path.Combine(request.Output, $"frame_{k.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}.png");
                var image = Draw(new ImageFrame(buffer, reader.Height, reader.Width), k - 1, detections, truth, pixelSize, request);
                PngWriter.Write(path, image.ToImage(Legend(request, k)));
                report(k - range.First + 1);
            }

            return 0;
        });

        var where = single ? request.Output : $"{range.Count} PNGs in {request.Output}";
        console.Error.WriteLine($"{where}: {detections.Count} detections as green crosses" + (truth is null ? string.Empty : $", {truth.Count} truths as magenta circles"));
        return ExitCodes.Ok;
    }

    private static RgbOverlay Draw(ImageFrame frame, int index, OverlayMarks detections, OverlayMarks? truth, double pixelSize, OverlayRequest request)
    {
        var overlay = new RgbOverlay(frame, request.Scale, request.Contrast);
        var size = Math.Max(3, 1.5 * request.Scale);
        var toOutput = request.Scale / pixelSize;
        if (truth is not null)
        {
            foreach (var l in truth.InFrame(index))
                overlay.Circle(l.X * toOutput, l.Y * toOutput, size, Rgb.Truth, request.Antialias);
        }

        foreach (var l in detections.InFrame(index))
            overlay.Cross(l.X * toOutput, l.Y * toOutput, size, Rgb.Detection, request.Antialias);
        return overlay;
    }

    private static Dictionary<string, string> Legend(OverlayRequest request, int frame) => new()
    {
        ["Description"] = $"Frame {frame} of {Path.GetFileName(request.Movie)} at {request.Scale}x: detections of {Path.GetFileName(request.Detections)} as green crosses"
            + (request.Truth is { } t ? $", truth of {Path.GetFileName(t)} as magenta circles" : string.Empty),
        ["Software"] = "Perrin",
    };
}
