namespace Perrin.Cli.Bench;

/// <summary>
/// One SNR of `perrin bench single-particle`: the RMSE of the 2D distance between estimate and truth, in pixels, of
/// the CNN and of radial symmetry over the same <see cref="Frames"/> frames, and in how many frames radial
/// symmetry gave no centre inside its ROI (the ROI's centre pixel stands in for it there).
/// </summary>
internal sealed record SingleParticleBenchRow(double Snr, int Frames, double CnnRmsePx, double RadialRmsePx, int RadialFallbacks);
