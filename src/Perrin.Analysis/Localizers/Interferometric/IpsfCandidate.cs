namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>A scatterer the residual search proposes: pixel position, best depth (nm) and Δ over the frame's median Δ, how much it would explain.</summary>
internal readonly record struct IpsfCandidate(double X, double Y, double DepthNm, double Significance);
