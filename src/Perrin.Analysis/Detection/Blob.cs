namespace Perrin.Analysis.Detection;

/// <summary>
/// One 8-connected component of the pixels at or above the threshold. <see cref="Label"/> counts from 1 in the raster
/// order of each component's first pixel. <see cref="X"/> and <see cref="Y"/> are the value-weighted centroid in map
/// pixels with (0, 0) at the centre of the first pixel; <see cref="Sum"/> is the sum of the component's values and
/// (<see cref="PeakColumn"/>, <see cref="PeakRow"/>) its brightest pixel (the first in raster order on ties).
/// </summary>
public readonly record struct Blob(int Label, int PixelCount, double Sum, float PeakValue, int PeakColumn, int PeakRow, double X, double Y);
