namespace Perrin.Analysis.Detection;

/// <summary>Settings of <see cref="HeatmapDecoder"/>; distances are in map pixels.</summary>
public sealed record HeatmapDecoderOptions
{
    /// <summary>Pixels below this value are background; it must be positive.</summary>
    public float Threshold { get; init; } = 0.5f;

    public DetectionMethod Method { get; init; } = DetectionMethod.LocalMaxima;

    /// <summary>Local maxima closer than this (map pixels) are merged into the larger one.</summary>
    public double MinDistance { get; init; } = 1;

    /// <summary>Half-width of the weighted-centroid window around a local maximum; 0 keeps the pixel centre.</summary>
    public int RefineRadius { get; init; } = 1;

    /// <summary>
    /// How many map pixels span one camera pixel along each axis: 1 for a map on the camera grid, U for a
    /// Deep-STORM style map upsampled U times.
    /// </summary>
    public int Upsampling { get; init; } = 1;
}
