using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Preprocess;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin preprocess MOVIE -o out.tif`: PiSCAT's iSCAT preprocessing, streamed frame by frame into a float32 TIFF:
/// power normalization → background → differential rolling average → fixed-pattern-noise correction.
/// </summary>
internal static class PreprocessCommand
{
    public static Command Create(CliConsole console)
    {
        var movie = new Argument<string>("movie") { Description = "A TIFF movie, a PNG, or a folder or pattern of PNG frames" };
        var output = new Option<string>("--output", "-o") { Description = "The preprocessed movie: a float32 TIFF with the input's pixel size and frame interval", Required = true };
        var power = new Option<bool>("--power-normalize") { Description = "Divide every frame by its own mean, so that laser power flicker cancels (PiSCAT's power normalization)" };
        var background = new Option<string?>("--background") { Description = "Remove a background: 'median' (per-pixel median of the whole movie, a first pass) or 'rolling:W' (median of the W frames centred on each frame, W odd)" };
        var backgroundMode = new Option<string?>("--background-mode") { Description = "'ratio' (frame / background − 1, the iSCAT contrast; default) or 'subtract' (frame − background)" };
        var dra = new Option<int?>("--dra") { Description = "Differential rolling average with batch size B: mean of the next B frames against the mean of the B before; N frames give N − 2B + 1" };
        var draMode = new Option<string?>("--dra-mode") { Description = "'ratio' ((later − earlier) / earlier, PiSCAT's DRA; default without --background) or 'difference' (later − earlier; default, and required, with --background)" };
        var fpn = new Option<string?>("--fpn") { Description = "Fixed-pattern-noise correction: subtract the median of every 'rows', 'columns' (sCMOS column amplifiers) or 'both'" };
        var threads = new Option<int>("--threads") { Description = "Threads for the background and DRA (the output does not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Replace the output if it exists" };
        var command = new Command(
            "preprocess",
            "iSCAT preprocessing in PiSCAT's order: power normalization → background → differential rolling average (DRA) → fixed-pattern-noise (FPN) correction, streamed frame by frame into a float32 TIFF")
        {
            movie, output, power, background, backgroundMode, dra, draMode, fpn, threads, force,
        };
        command.SetAction(parse => CommandRunner.Run(console, () => PreprocessRun.Run(console, new PreprocessRequest(
            parse.GetValue(movie)!,
            parse.GetValue(output)!,
            parse.GetValue(power),
            parse.GetValue(fpn),
            parse.GetValue(background),
            parse.GetValue(backgroundMode),
            parse.GetValue(dra),
            parse.GetValue(draMode),
            parse.GetValue(threads),
            parse.GetValue(force)))));
        return command;
    }
}
