namespace Perrin.Analysis.Localizers;

/// <summary>
/// One feature as trackpy.locate reports it: X and Y in pixels with the origin at the centre of the top-left pixel,
/// the other columns in trackpy's units (mass, signal and raw mass in image counts; size and ep in pixels).
/// Without characterization, size, ecc, signal, raw mass and ep are NaN.
/// </summary>
public readonly record struct CrockerGrierFeature(
    double X, double Y, double Mass, double Size, double Ecc, double Signal, double RawMass, double Ep);
