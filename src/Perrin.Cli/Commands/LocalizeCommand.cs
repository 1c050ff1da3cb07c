using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Localize;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin localize MODEL MOVIE -o locs.csv`: runs a trained network over a movie, tile by tile, and decodes its
/// outputs by the label form of the recipe it was trained on into a ThunderSTORM or trackpy table.
/// </summary>
internal static class LocalizeCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model") { Description = "A model file from perrin train (*.safetensors), holding the recipe it was trained on, or a built-in model: iscat-dense" };
        var movie = new Argument<string>("movie") { Description = "A TIFF movie, a PNG, or a folder or pattern of PNG frames" };
        var output = new Option<string>("--output", "-o") { Description = "The localization table to write", Required = true };
        var threshold = new Option<float?>("--threshold") { Description = "Map values below it are background (default: 0.3 for heat maps, 0.5 for masks, half a lone particle's peak for densities, 0.3 on the p of DECODE maps)" };
        var tile = new Option<int>("--tile") { Description = "Side of the square tiles the network sees, a multiple of 2^levels; a smaller frame runs as one tile", DefaultValueFactory = _ => 256 };
        var overlap = new Option<int>("--overlap") { Description = "Pixels neighbouring tiles share; each output pixel comes from the tile whose centre it is nearer, so it should exceed twice the network's reach", DefaultValueFactory = _ => 32 };
        var batch = new Option<int>("--batch") { Description = "Tiles per network pass", DefaultValueFactory = _ => 8 };
        var threads = new Option<int>("--threads") { Description = "Threads for the network and the iSCAT stages (the output does not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm (default: the movie's calibration, else the model's training pixel size)" };
        var power = new Option<bool>("--power-normalize") { Description = "iSCAT: divide every frame by its mean first (laser power flicker)" };
        var dra = new Option<int?>("--dra") { Description = "iSCAT: differential rolling average with batch size B before the network (PiSCAT's ratio DRA); N frames give N − 2B + 1" };
        var format = new Option<string>("--format", "-f") { Description = "thunderstorm (nm, frames from 1) or trackpy (pixels, frames from 0)", DefaultValueFactory = _ => "thunderstorm" };
        var force = new Option<bool>("--force") { Description = "Replace the output if it exists" };
        var views = new Option<int?>("--views") { Description = "Average the network's maps over this many mirror views of each tile (1–8; flips, then transposes): for heat maps, masks and densities, not DECODE maps, whose offsets a mirror would turn; slower by that factor [default: 1]" };
        var refine = new Option<string>("--refine") { Description = "none; mle: refine each localization by the camera-aware Gaussian MLE of perrin locate --method gauss-mle on the raw frame, started at the network's position and photons; neighbours' light is modelled; a row keeps the network's position when another is within 2 px, or the fit fails, moves over 1 px (--refine-max-shift), finds an implausible σ or fits poorly (refined rows have an uncertainty); ipsf (iSCAT models): fit every scatterer's interferometric PSF jointly on the raw frame (the aberration-free pupil field of the model recipe's objective; complex amplitude, depth and position per scatterer, the others' fields subtracted), so overlapping rings do not pull the positions; a row keeps the network's position when its fit fails or would move over 4 px", DefaultValueFactory = _ => LocalizeRefinement.None };
        var refineMaxShift = new Option<double?>("--refine-max-shift") { Description = "--refine mle or ipsf: how far, in pixels, a refined position may move from the network's before the row keeps the network's position [default: mle 1, ipsf 4]" };
        var refineRoi = new Option<int?>("--refine-roi") { Description = "--refine mle: half-width of the fit window in pixels, (2·R + 1)² pixels [default: 3]" };
        var refineSigma = new Option<double?>("--refine-sigma") { Description = "--refine mle: PSF σ in pixels, the fit's start; a fitted σ beyond 1.25× either way keeps the network's position (default: the model recipe's Gaussian σ, else 0.21 λ/NA)" };
        var baseline = new Option<double?>("--baseline") { Description = "--refine mle: camera offset in ADU (default: the model recipe's camera, as for all camera options)" };
        var gain = new Option<double?>("--gain") { Description = "--refine mle: camera conversion in electrons per ADU" };
        var emGain = new Option<double?>("--em-gain") { Description = "--refine mle: EMCCD electron-multiplication gain" };
        var qe = new Option<double?>("--qe") { Description = "--refine mle: quantum efficiency: photons = photoelectrons / qe" };
        var readNoise = new Option<double?>("--read-noise") { Description = "--refine mle: read noise in electrons rms" };
        var refineSearch = new Option<double?>("--refine-search") { Description = "--refine ipsf: then search the residual for scatterers the network missed (matched filter of the iPSF at every depth), adding one where it would explain more than this many times the frame's median, and fit again; 0: no search [default: 0]" };
        var refineSplit = new Option<double?>("--refine-split") { Description = "--refine ipsf: then try each detection as two scatterers (pairs 180–370 nm apart centred on it, or with one on it), keeping a pair that lowers its fit window's residual sum of squares by more than this many residual variances per pixel; 0: no splits [default: 0]" };
        var command = new Command("localize", "Localize particles with a trained network: tiled inference over a streamed movie, decoded by the model's label form (heat map, mask, density, Deep-STORM, DECODE)")
        {
            model, movie, output, threshold, tile, overlap, batch, threads, pixelSize, power, dra, format, force, views,
            refine, refineMaxShift, refineRoi, refineSigma, baseline, gain, emGain, qe, readNoise, refineSearch, refineSplit,
        };
        command.SetAction(parse => CommandRunner.Run(console, () => LocalizeRun.Run(console, new LocalizeRequest(
            parse.GetValue(model)!,
            parse.GetValue(movie)!,
            parse.GetValue(output)!,
            parse.GetValue(threshold),
            parse.GetValue(tile),
            parse.GetValue(overlap),
            parse.GetValue(batch),
            parse.GetValue(threads),
            parse.GetValue(pixelSize),
            parse.GetValue(power),
            parse.GetValue(dra),
            parse.GetValue(format)!,
            parse.GetValue(force))
        {
            Views = parse.GetValue(views),
            Refine = new RefineRequest
            {
                Method = parse.GetValue(refine)!,
                RoiRadiusPx = parse.GetValue(refineRoi),
                MaxShiftPx = parse.GetValue(refineMaxShift),
                SigmaPx = parse.GetValue(refineSigma),
                BaselineAdu = parse.GetValue(baseline),
                ElectronsPerAdu = parse.GetValue(gain),
                EmGain = parse.GetValue(emGain),
                QuantumEfficiency = parse.GetValue(qe),
                ReadNoiseElectrons = parse.GetValue(readNoise),
                SearchThreshold = parse.GetValue(refineSearch),
                SplitThreshold = parse.GetValue(refineSplit),
            },
        })));
        return command;
    }
}
