using Perrin.Analysis.Detection;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Cli.Decode;

/// <summary>
/// Turns one sample's maps (its channels one after another, each height × width map pixels) into localizations
/// with the Detection decoders: heat maps and Deep-STORM maps by <see cref="HeatmapDecoder"/>, DECODE maps by
/// <see cref="DecodeDecoder"/>. `perrin decode` and `perrin localize` decode through it, so a network's output and a
/// simulated label of the same form give the same table.
/// </summary>
internal sealed class MapDecoder
{
    private readonly Func<float[], int, int, int, IReadOnlyList<Localization>> _decode;

    private MapDecoder(MapForm form, int channels, Func<float[], int, int, int, IReadOnlyList<Localization>> decode)
    {
        Form = form;
        Channels = channels;
        _decode = decode;
    }

    public MapForm Form { get; }

    public int Channels { get; }

    /// <summary>The table columns this decoder fills: photons and z come from DECODE's fourth and fifth channels.</summary>
    public LocalizationColumns Columns => LocalizationColumns.Required
        | (Form == MapForm.Decode && Channels > 3 ? LocalizationColumns.Intensity : LocalizationColumns.None)
        | (Form == MapForm.Decode && Channels > 4 ? LocalizationColumns.Z : LocalizationColumns.None);

    /// <summary>A heat-map or Deep-STORM decoder (one channel); <paramref name="options"/> carries the upsampling.</summary>
    public static MapDecoder Heatmap(HeatmapDecoderOptions options, double cameraPixelSizeNm)
    {
        var decoder = new HeatmapDecoder(options);
        var form = options.Upsampling == 1 ? MapForm.Heatmap : MapForm.DeepStorm;
        return new MapDecoder(form, 1, (maps, sample, height, width) => decoder.Decode(new ImageFrame(maps, height, width), sample, cameraPixelSizeNm));
    }

    /// <summary>A DECODE decoder for 3 to 5 channels (p, dx, dy, then photons, then z).</summary>
    public static MapDecoder Decode(DecodeOptions options, int channels, double cameraPixelSizeNm)
    {
        var decoder = new DecodeDecoder(options);
        return new MapDecoder(MapForm.Decode, channels, (maps, sample, height, width) => decoder.Decode(Maps(maps, channels, height, width), sample, cameraPixelSizeNm));
    }

    /// <summary>
    /// Localizations of sample <paramref name="sample"/> (its frame in the table) from <paramref name="maps"/>, which
    /// holds Channels maps of <paramref name="height"/> × <paramref name="width"/> map pixels.
    /// </summary>
    public IReadOnlyList<Localization> Decode(float[] maps, int sample, int height, int width) => _decode(maps, sample, height, width);

    private static DecodeMaps Maps(float[] maps, int channels, int height, int width)
    {
        var plane = height * width;
        ImageFrame Channel(int c) => new(maps.AsMemory(c * plane, plane), height, width);
        return new DecodeMaps
        {
            Probability = Channel(0),
            OffsetX = Channel(1),
            OffsetY = Channel(2),
            Photons = channels > 3 ? Channel(3) : null,
            Z = channels > 4 ? Channel(4) : null,
        };
    }
}
