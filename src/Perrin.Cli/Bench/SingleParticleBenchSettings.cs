namespace Perrin.Cli.Bench;

/// <summary>
/// How `perrin bench single-particle` simulates and localizes: <see cref="FramesPerSnr"/> frames at each SNR from
/// the stream seed <see cref="Seed"/>, the CNN in batches of <see cref="Batch"/>, and radial symmetry on a
/// (2·<see cref="RoiRadiusPx"/> + 1)² ROI centred on the brightest pixel of the frame smoothed with a Gaussian of
/// <see cref="SmoothingSigmaPx"/> minus its local background.
/// </summary>
internal sealed record SingleParticleBenchSettings(IReadOnlyList<double> Snrs, int FramesPerSnr, ulong Seed, int RoiRadiusPx, double SmoothingSigmaPx, int Batch);
