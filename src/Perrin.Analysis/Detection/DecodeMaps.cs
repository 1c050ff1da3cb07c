using Perrin.Core.Imaging;

namespace Perrin.Analysis.Detection;

/// <summary>
/// The per-pixel output channels of a DECODE style network for one frame, all on the camera grid and of the same
/// size. <see cref="OffsetX"/> and <see cref="OffsetY"/> are sub-pixel offsets in camera pixels from the centre of
/// their pixel; the optional channels are read at the winning pixel of each detection.
/// </summary>
public sealed record DecodeMaps
{
    /// <summary>Detection probability p in [0, 1].</summary>
    public required ImageFrame Probability { get; init; }

    public required ImageFrame OffsetX { get; init; }

    public required ImageFrame OffsetY { get; init; }

    /// <summary>Photon count, multiplied by <see cref="DecodeOptions.PhotonScale"/>.</summary>
    public ImageFrame? Photons { get; init; }

    /// <summary>Axial position, multiplied by <see cref="DecodeOptions.ZScaleNm"/> to give nanometres.</summary>
    public ImageFrame? Z { get; init; }

    /// <summary>Background in photons per pixel, reported as <c>Localization.Offset</c>.</summary>
    public ImageFrame? Background { get; init; }

    /// <summary>Predicted standard deviation of the x offset, camera pixels.</summary>
    public ImageFrame? SigmaX { get; init; }

    /// <summary>Predicted standard deviation of the y offset, camera pixels.</summary>
    public ImageFrame? SigmaY { get; init; }

    /// <summary>Predicted standard deviation of z, in the units of <see cref="Z"/>.</summary>
    public ImageFrame? SigmaZ { get; init; }
}
