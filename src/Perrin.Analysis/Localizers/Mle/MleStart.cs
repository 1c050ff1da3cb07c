namespace Perrin.Analysis.Localizers.Mle;

/// <summary>
/// Where a fit starts instead of the ROI's centroid: the spot's centre in ROI pixels ((0, 0) at the centre of the
/// ROI's first pixel) and its photoelectrons, NaN to take the ROI's own estimate above its rim.
/// </summary>
internal readonly record struct MleStart(double X, double Y, double Photons);
