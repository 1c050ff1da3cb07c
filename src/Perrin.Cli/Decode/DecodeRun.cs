using System.Globalization;
using Perrin.Analysis.Detection;
using Perrin.Cli.Commands;
using Perrin.Cli.Console;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Cli.Decode;

/// <summary>
/// Runs `perrin decode`: reads one sample's channels at a time, decodes them with the Detection decoders, and writes
/// the localizations (frame s of the table is sample s of the maps) as a ThunderSTORM or trackpy table.
/// </summary>
internal static class DecodeRun
{
    public static int Run(CliConsole console, DecodeRequest request)
    {
        var format = ParseFormat(request.Format);
        CheckNumbers(request);
        if (File.Exists(request.Output) && !request.Force)
        {
            throw new UserInputException($"{request.Output} exists; add --force to replace it");
        }

        using var reader = MovieFile.OpenReader(request.Input);
        var layout = MapLayout.Resolve(request, reader);
        if (layout.Warning is { } warning)
        {
            console.Error.WriteLine($"warning: {warning}");
        }

        var decode = Decoder(request, layout);
        var plane = reader.Width * reader.Height;
        var maps = new float[layout.Channels * plane];
        var found = new List<Localization>();
        ProgressScope.Run(console, $"decode {Path.GetFileName(request.Input)}", layout.Samples, report =>
        {
            for (var s = 0; s < layout.Samples; s++)
            {
                for (var c = 0; c < layout.Channels; c++)
                {
                    var page = (s * layout.Channels) + c;
                    var channel = maps.AsSpan(c * plane, plane);
                    reader.ReadFrame(page, channel);
                    RequireFinite(request.Input, page, s, c, channel, reader.Width);
                }

                found.AddRange(decode.Decode(maps, s, reader.Height, reader.Width));
                report(s + 1);
            }

            return 0;
        });

        var table = new LocalizationTable(found, decode.Columns, layout.CameraPixelSizeNm);
        LocalizationTableIO.Write(request.Output, table, format, layout.CameraPixelSizeNm);
        var grid = layout.Upsampling == 1 ? string.Empty : $", {layout.Upsampling}× upsampled";
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Input} ({MapLayout.Name(layout.Form)} maps: {layout.Samples} samples of {layout.Channels} channel{(layout.Channels == 1 ? string.Empty : "s")}, {reader.Width}×{reader.Height}{grid}, camera pixel {layout.CameraPixelSizeNm:G6} nm) → {request.Output}: {found.Count} localizations, {TableFormats.DisplayName(format)}"));
        return ExitCodes.Ok;
    }

    private static MapDecoder Decoder(DecodeRequest request, MapLayout layout)
    {
        var px = layout.CameraPixelSizeNm;
        if (layout.Form == MapForm.Decode)
        {
            if (request.Method is not null || request.MinDistance is not null || request.RefineRadius is not null)
            {
                throw new UserInputException("--method, --min-distance and --refine-radius apply to heatmap and deepstorm maps; decode maps use DECODE's spatial integration");
            }

            var threshold = request.Threshold ?? 0.5f;
            if (threshold is <= 0 or > 1)
            {
                throw new UserInputException($"--threshold for decode maps is a probability in (0, 1], not {threshold}");
            }

            return MapDecoder.Decode(new DecodeOptions
            {
                RawThreshold = threshold,
                PhotonScale = request.PhotonScale ?? 1000,
                ZScaleNm = request.ZScaleNm ?? 1000,
            }, layout.Channels, px);
        }

        if (request.PhotonScale is not null || request.ZScaleNm is not null)
        {
            throw new UserInputException("--photon-scale and --z-scale-nm apply to decode maps, which carry photons and z");
        }

        return MapDecoder.Heatmap(new HeatmapDecoderOptions
        {
            Threshold = request.Threshold ?? 0.5f,
            Method = ParseMethod(request.Method),
            MinDistance = request.MinDistance ?? 1,
            RefineRadius = request.RefineRadius ?? 1,
            Upsampling = layout.Upsampling,
        }, px);
    }

    private static void CheckNumbers(DecodeRequest request)
    {
        if (request.Threshold is { } t && !(float.IsFinite(t) && t > 0))
        {
            throw new UserInputException($"--threshold must be a positive number, not {t}");
        }

        if (request.MinDistance is { } d && !(double.IsFinite(d) && d >= 0))
        {
            throw new UserInputException($"--min-distance must be a number of map pixels ≥ 0, not {d}");
        }

        if (request.RefineRadius is { } r && r is < 0 or > 64)
        {
            throw new UserInputException($"--refine-radius must be a whole number of map pixels from 0 to 64, not {r}");
        }

        if (request.PixelSizeNm is { } px && !(double.IsFinite(px) && px > 0))
        {
            throw new UserInputException($"--pixel-size must be a positive number of nm, not {px}");
        }

        if (request.PhotonScale is { } p && !(double.IsFinite(p) && p > 0))
        {
            throw new UserInputException($"--photon-scale must be a positive number (photons per unit of the photons channel), not {p}");
        }

        if (request.ZScaleNm is { } z && !(double.IsFinite(z) && z > 0))
        {
            throw new UserInputException($"--z-scale-nm must be a positive number of nm per unit of the z channel, not {z}");
        }
    }

    /// <summary>A NaN in a network's output is a failed network; it is named by TIFF frame (from 1), sample and channel.</summary>
    private static void RequireFinite(string path, int page, int sample, int channel, ReadOnlySpan<float> values, int width)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: frame {page + 1} (sample {sample + 1}, channel {channel + 1}) has the non-finite value {values[i]} at pixel ({i % width}, {i / width}); maps must be finite numbers"));
            }
        }
    }

    private static DetectionMethod ParseMethod(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "maxima" => DetectionMethod.LocalMaxima,
        "components" => DetectionMethod.ConnectedComponents,
        _ => throw new UserInputException($"--method must be 'maxima' (local maxima with a weighted centroid) or 'components' (centroids of connected regions above the threshold), not '{text}'"),
    };

    public static TableFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "thunderstorm" => TableFormat.ThunderStorm,
        "trackpy" => TableFormat.Trackpy,
        _ => throw new UserInputException($"--format must be 'thunderstorm' (nm, frames from 1) or 'trackpy' (pixels, frames from 0), not '{text}'"),
    };
}
