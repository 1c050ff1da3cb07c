using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Overlay;

namespace Perrin.Cli.Commands;

/// <summary>`perrin overlay MOVIE LOCS -o overlay.png`: detections (and truth) drawn over movie frames, for the eye.</summary>
internal static class OverlayCommand
{
    public static Command Create(CliConsole console)
    {
        var movie = new Argument<string>("movie") { Description = "A TIFF movie, a PNG, or a folder or pattern of PNG frames" };
        var detections = new Argument<string>("locs") { Description = "The detections: a ThunderSTORM, trackpy or SMLM-Challenge CSV" };
        var output = new Option<string>("--output", "-o") { Description = "overlay.png for one frame; a folder for --frames", Required = true };
        var frame = new Option<int?>("--frame") { Description = "The frame to draw, counting from 1 as Fiji does (default 1)" };
        var frames = new Option<string?>("--frames") { Description = "A range FIRST:LAST (1-based, inclusive): one PNG per frame into the -o folder" };
        var truth = new Option<string?>("--truth") { Description = "Ground truth to draw as magenta circles" };
        var scale = new Option<int>("--scale") { Description = "Whole enlargement factor", DefaultValueFactory = _ => 2 };
        var contrast = new Option<string>("--contrast") { Description = "auto (0.5–99.5 percentile stretch per frame), minmax, or LOW:HIGH grey levels", DefaultValueFactory = _ => "auto" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm (default: the movie's calibration); places nm positions on the image" };
        var antialias = new Option<bool>("--antialias") { Description = "Blend marks smoothly instead of drawing crisp one-pixel lines" };
        var command = new Command("overlay", "Draw detections (and ground truth) over movie frames as an RGB PNG")
        {
            movie, detections, output, frame, frames, truth, scale, contrast, pixelSize, antialias,
        };
        command.SetAction(parse => CommandRunner.Run(console, () => OverlayRun.Run(console, new OverlayRequest(
            parse.GetValue(movie)!,
            parse.GetValue(detections)!,
            parse.GetValue(output)!,
            parse.GetValue(frame),
            parse.GetValue(frames),
            parse.GetValue(truth),
            parse.GetValue(scale),
            ContrastStretch.Parse(parse.GetValue(contrast)!),
            parse.GetValue(pixelSize),
            parse.GetValue(antialias)))));
        return command;
    }
}
