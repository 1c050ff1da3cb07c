using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Decode;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin decode MAPS.tif --form F -o locs.csv`: per-frame network outputs or training labels (heat maps,
/// Deep-STORM super-resolved maps, DECODE maps) to a localization table. Sample s of the maps is frame s of the table.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create(CliConsole console)
    {
        var maps = new Argument<string>("maps") { Description = "A float TIFF of maps, each sample's channels as consecutive frames (as perrin simulate --labels writes them)" };
        var form = new Option<string>("--form") { Description = "heatmap (1 channel, camera grid), deepstorm (1 channel, U× finer grid) or decode (p, dx, dy[, photons[, z]])", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The localization table to write", Required = true };
        var threshold = new Option<float?>("--threshold") { Description = "Map values below it are background (default 0.5; for decode, DECODE's raw probability threshold)" };
        var method = new Option<string?>("--method") { Description = "heatmap/deepstorm: 'maxima' (local maxima + 3×3 weighted centroid; default) or 'components' (centroids of connected regions)" };
        var minDistance = new Option<double?>("--min-distance") { Description = "Local maxima closer than this many map pixels are merged into the larger (default 1)" };
        var refine = new Option<int?>("--refine-radius") { Description = "Half-width of the weighted-centroid window around each local maximum, map pixels (default 1: 3×3; 0 keeps the pixel centre)" };
        var upsampling = new Option<int?>("--upsampling") { Description = "Map pixels per camera pixel along each axis (deepstorm; default from --pixel-size and the map's calibration)" };
        var channels = new Option<int?>("--channels-per-frame") { Description = "Channels per sample (default: from perrin simulate's note in the TIFF, else 1, or 5 for decode)" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Camera pixel size in nm (default: the TIFF's calibration, which is the map's own pixel: × U for deepstorm)" };
        var photonScale = new Option<double?>("--photon-scale") { Description = "decode: photons per unit of the photons channel (default 1000, as perrin simulate writes it)" };
        var zScale = new Option<double?>("--z-scale-nm") { Description = "decode: nm per unit of the z channel (default 1000: µm, as perrin simulate writes it)" };
        var format = new Option<string>("--format", "-f") { Description = "thunderstorm (nm, frames from 1) or trackpy (pixels, frames from 0)", DefaultValueFactory = _ => "thunderstorm" };
        var force = new Option<bool>("--force") { Description = "Replace the output if it exists" };
        var command = new Command("decode", "Turn per-frame heat maps, Deep-STORM maps or DECODE maps (network outputs or simulated labels) into localizations")
        {
            maps, form, output, threshold, method, minDistance, refine, upsampling, channels, pixelSize, photonScale, zScale, format, force,
        };
        command.SetAction(parse => CommandRunner.Run(console, () => DecodeRun.Run(console, new DecodeRequest(
            parse.GetValue(maps)!,
            parse.GetValue(output)!,
            parse.GetValue(form)!,
            parse.GetValue(threshold),
            parse.GetValue(method),
            parse.GetValue(minDistance),
            parse.GetValue(refine),
            parse.GetValue(upsampling),
            parse.GetValue(channels),
            parse.GetValue(pixelSize),
            parse.GetValue(photonScale),
            parse.GetValue(zScale),
            parse.GetValue(format)!,
            parse.GetValue(force)))));
        return command;
    }
}
