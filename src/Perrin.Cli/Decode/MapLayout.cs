using System.Globalization;
using Perrin.Core.IO;

namespace Perrin.Cli.Decode;

/// <summary>
/// How the frames of a maps TIFF are grouped and scaled. The frames hold each sample's channels in turn (sample s,
/// channel c is frame s·C + c), as `perrin simulate --labels` writes them. The TIFF's calibration is taken as the
/// size of a map pixel, which is what simulate writes: the camera pixel for heat maps and DECODE maps, the camera
/// pixel / U for a Deep-STORM map. So the camera pixel is --pixel-size when given, otherwise calibration × U.
/// </summary>
internal sealed record MapLayout(MapForm Form, int Channels, int Upsampling, double CameraPixelSizeNm, int Samples)
{
    public const int MaxDecodeChannels = 5;

    /// <summary>A note for the user when --pixel-size and the calibration disagree; null when they agree.</summary>
    public string? Warning { get; init; }

    public static MapForm ParseForm(string text) => text.Trim().ToLowerInvariant() switch
    {
        "heatmap" => MapForm.Heatmap,
        "deepstorm" or "deep-storm" => MapForm.DeepStorm,
        "decode" => MapForm.Decode,
        _ => throw new UserInputException($"--form must be 'heatmap', 'deepstorm' or 'decode', not '{text}'"),
    };

    public static MapLayout Resolve(DecodeRequest request, IFrameReader reader)
    {
        var form = ParseForm(request.Form);
        var path = request.Input;
        var note = SimulatedLabelNote.Find(reader.Metadata.Description);
        if (note is { } n && n.Form != form)
        {
            var instead = n.Form is { } right ? $": use --form {Name(right)}" : ", which perrin decode does not read";
            throw new UserInputException($"{path} holds perrin simulate's '{n.Name}' labels ({n.Channels} channels per sample), not {Name(form)} maps{instead}");
        }

        var channels = ChannelCount(request, form, note, path);
        if (reader.FrameCount % channels != 0)
        {
            throw new UserInputException($"{path} has {reader.FrameCount} frames, which is not a whole number of samples of {channels} channels each: is --channels-per-frame right for {Name(form)} maps?");
        }

        var calibration = reader.Metadata.PixelSizeNm;
        var upsampling = UpsamplingFactor(request, form, calibration, path);
        var camera = request.PixelSizeNm ?? (calibration * upsampling)
            ?? throw new UserInputException($"{path} does not say its pixel size: add --pixel-size (nm per camera pixel)");
        string? warning = null;
        if (request.PixelSizeNm is { } given && calibration is { } c && Math.Abs((c * upsampling) - given) > 1e-6 * given)
        {
            warning = string.Create(CultureInfo.InvariantCulture,
                $"{path}'s calibration gives {c:G6} nm map pixels, so {c * upsampling:G6} nm camera pixels at upsampling {upsampling}; using --pixel-size {given:G6} nm");
        }

        return new MapLayout(form, channels, upsampling, camera, reader.FrameCount / channels) { Warning = warning };
    }

    public static string Name(MapForm form) => form switch
    {
        MapForm.DeepStorm => "deepstorm",
        _ => form.ToString().ToLowerInvariant(),
    };

    private static int ChannelCount(DecodeRequest request, MapForm form, SimulatedLabelNote? note, string path)
    {
        var channels = request.ChannelsPerFrame ?? note?.Channels ?? (form == MapForm.Decode ? MaxDecodeChannels : 1);
        if (note is { } n && n.Channels != channels)
        {
            throw new UserInputException($"{path} holds perrin simulate's '{n.Name}' labels with {n.Channels} channels per sample, not {channels}: drop --channels-per-frame or set it to {n.Channels}");
        }

        if (form == MapForm.Decode && channels is < 3 or > MaxDecodeChannels)
        {
            throw new UserInputException($"decode maps have 3 to {MaxDecodeChannels} channels per sample (p, dx, dy, then photons, then z), not {channels}");
        }

        if (form != MapForm.Decode && channels != 1)
        {
            throw new UserInputException($"{Name(form)} maps have 1 channel per sample, not {channels}");
        }

        return channels;
    }

    private static int UpsamplingFactor(DecodeRequest request, MapForm form, double? calibration, string path)
    {
        if (request.Upsampling is { } u)
        {
            if (u is < 1 or > 64)
            {
                throw new UserInputException($"--upsampling must be a whole number of map pixels per camera pixel from 1 to 64, not {u}");
            }

            if (form == MapForm.Decode && u != 1)
            {
                throw new UserInputException("decode maps are on the camera grid: --upsampling must be 1 or left out");
            }

            return u;
        }

        if (form != MapForm.DeepStorm)
        {
            return 1;
        }

        if (request.PixelSizeNm is { } camera && calibration is { } map)
        {
            var ratio = camera / map;
            var whole = Math.Round(ratio);
            if (whole >= 1 && Math.Abs(ratio - whole) <= 1e-6 * ratio)
            {
                return (int)whole;
            }

            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"--pixel-size {camera:G6} nm is {ratio:G6} times {path}'s {map:G6} nm map pixel, not a whole upsampling factor: give --upsampling U"));
        }

        throw new UserInputException("a Deep-STORM map is U times finer than the camera: give --upsampling U (or --pixel-size, the camera's pixel, for a map whose calibration is its own fine pixel)");
    }
}
