namespace Perrin.Analysis.Detection;

/// <summary>How candidate emitters are cut out of a probability or heat map.</summary>
public enum DetectionMethod
{
    /// <summary>Thresholded local maxima with a minimum distance, refined by a weighted centroid around each maximum.</summary>
    LocalMaxima,

    /// <summary>8-connected components of the thresholded map, each reduced to its weighted centroid.</summary>
    ConnectedComponents,
}
