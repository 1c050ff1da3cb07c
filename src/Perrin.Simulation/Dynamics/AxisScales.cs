namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Diffusion coefficients and drifts already in movie units (px²/s and px/s in x and y, nm²/s and nm/s in z),
/// so the per-step arithmetic does no unit conversion.
/// </summary>
internal readonly record struct AxisScales(
    double DiffusionXy,
    double DiffusionZ,
    double DriftX,
    double DriftY,
    double DriftZ,
    bool ThreeDimensional,
    double PixelsPerMicrometre);
