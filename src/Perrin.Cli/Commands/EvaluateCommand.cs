using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Evaluate;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin evaluate LOCS TRUTH`: scores detections against ground truth by the SMLM Challenge 2016 protocol. Both
/// tables may be in any format Perrin reads; each is read in its own format's frame convention (ThunderSTORM and
/// SMLM Challenge 1-based, trackpy 0-based), so frame k of one is frame k of the other after reading.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var detections = new Argument<string>("locs") { Description = "The detections: a ThunderSTORM, trackpy or SMLM-Challenge CSV" };
        var truth = new Argument<string>("truth") { Description = "The ground truth: a ThunderSTORM, trackpy or SMLM-Challenge CSV (activations.csv)" };
        var tolerance = new Option<double>("--tol") { Description = "Largest lateral distance of a pair in nm (inclusive)", DefaultValueFactory = _ => 250 };
        var axial = new Option<double?>("--tol-z") { Description = "Match in 3D: largest |Δz| of a pair in nm (500 is usual for the challenge's 3D data); both tables need z" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm: converts trackpy tables, and sets the pixel size of the CRLB" };
        var greedy = new Option<bool>("--greedy") { Description = "Pair nearest first instead of the optimal (most pairs, least distance) assignment" };
        var crlbSigma = new Option<double?>("--crlb-sigma") { Description = "PSF sigma in nm: compare the RMSE with the Cramér–Rao bound from the truth's photons (needs --crlb-background)" };
        var crlbBackground = new Option<double?>("--crlb-background") { Description = "Background in photons per pixel for the Cramér–Rao bound" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON on standard output" };
        var perFrame = new Option<string?>("--per-frame") { Description = "Also write the scores of each frame to this CSV (frames numbered as in the detections file)" };
        var byIntensity = new Option<string?>("--by-intensity") { Description = "Also report recall and RMSE per bin of the truths' |intensity| (photons, or iSCAT's signed contrast) between these comma-separated edges, e.g. 0,0.01,0.02,0.04,0.08,1" };
        var command = new Command("evaluate", "Score localizations against ground truth (SMLM Challenge 2016: Jaccard, RMSE, efficiency)")
        {
            detections, truth, tolerance, axial, pixelSize, greedy, crlbSigma, crlbBackground, json, perFrame, byIntensity,
        };
        command.SetAction(parse => CommandRunner.Run(console, () => EvaluationRun.Run(console, new EvaluateRequest(
            parse.GetValue(detections)!,
            parse.GetValue(truth)!,
            parse.GetValue(tolerance),
            parse.GetValue(axial),
            parse.GetValue(pixelSize),
            parse.GetValue(greedy),
            parse.GetValue(crlbSigma),
            parse.GetValue(crlbBackground),
            parse.GetValue(json),
            parse.GetValue(perFrame),
            parse.GetValue(byIntensity)))));
        return command;
    }
}
