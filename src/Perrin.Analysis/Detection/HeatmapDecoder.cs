using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Detection;

/// <summary>
/// Turns a per-pixel probability, heat or mask map into localizations: on the camera grid (upsampling 1) or on a
/// Deep-STORM style super-resolved grid (see <see cref="SuperResolvedGrid"/> for the pixel convention). The map
/// carries no photometry, so <see cref="Localization.Intensity"/> stays NaN.
/// </summary>
public sealed class HeatmapDecoder
{
    public HeatmapDecoder(HeatmapDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MapValidation.RequirePositiveThreshold(options.Threshold, nameof(options.Threshold));
        if (options.Upsampling < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Upsampling, "the upsampling factor must be at least 1 map pixel per camera pixel");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.RefineRadius, nameof(options.RefineRadius));
        Options = options;
    }

    public HeatmapDecoderOptions Options { get; }

    /// <summary>
    /// Localizations of <paramref name="map"/> for frame <paramref name="frameIndex"/>, in nanometres from the
    /// camera's top-left corner, in raster order of the detections.
    /// </summary>
    public IReadOnlyList<Localization> Decode(ImageFrame map, int frameIndex, double cameraPixelSizeNm)
    {
        PixelCoordinates.Validate(cameraPixelSizeNm, nameof(cameraPixelSizeNm));
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        var u = Options.Upsampling;
        if (Options.Method == DetectionMethod.ConnectedComponents)
        {
            var blobs = ConnectedComponents.Find(map, Options.Threshold);
            var fromBlobs = new Localization[blobs.Count];
            for (var i = 0; i < blobs.Count; i++)
            {
                fromBlobs[i] = At(frameIndex, blobs[i].X, blobs[i].Y, u, cameraPixelSizeNm);
            }

            return fromBlobs;
        }

        var peaks = LocalMaxima.Find(map, Options.Threshold, Options.MinDistance, Options.RefineRadius);
        var fromPeaks = new Localization[peaks.Count];
        for (var i = 0; i < peaks.Count; i++)
        {
            fromPeaks[i] = At(frameIndex, peaks[i].X, peaks[i].Y, u, cameraPixelSizeNm);
        }

        return fromPeaks;
    }

    private static Localization At(int frame, double x, double y, int upsampling, double pixelSizeNm) =>
        new(frame, SuperResolvedGrid.ToNanometres(x, upsampling, pixelSizeNm), SuperResolvedGrid.ToNanometres(y, upsampling, pixelSizeNm));
}
