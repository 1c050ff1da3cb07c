namespace Perrin.Analysis.Detection;

/// <summary>Settings of <see cref="DecodeDecoder"/>, named after DECODE's spatial-integration post-processing.</summary>
public sealed record DecodeOptions
{
    /// <summary>
    /// DECODE's raw threshold: only pixels with p above it can be local maxima, and an integrated probability must
    /// reach it for a detection.
    /// </summary>
    public float RawThreshold { get; init; } = 0.5f;

    /// <summary>
    /// The integrated probability a detection must reach; null uses <see cref="RawThreshold"/>, as DECODE does. A raw
    /// threshold below it lets two sub-threshold halves of one emitter add up to a detection.
    /// </summary>
    public float? DetectionThreshold { get; init; }

    /// <summary>
    /// DECODE's split threshold: a pixel that is not a local maximum but has p above it is a second emitter next to
    /// the maximum, so two emitters in adjacent pixels are both found.
    /// </summary>
    public float SplitThreshold { get; init; } = 0.6f;

    /// <summary>
    /// Whether the integration also adds the four diagonal neighbours (a full 3×3 sum). DECODE adds the pixel and its
    /// four edge neighbours only.
    /// </summary>
    public bool IncludeDiagonals { get; init; }

    public double PhotonScale { get; init; } = 1;

    /// <summary>Nanometres per unit of the z channel (and of its sigma channel).</summary>
    public double ZScaleNm { get; init; } = 1;
}
