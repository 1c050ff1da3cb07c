using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// One simulated movie of the demo: its frames in photons per pixel and the truth of the particles inside the field
/// (0-based frames, nm from the top-left corner, <see cref="Localization.Particle"/> = track id, intensity = the
/// signed peak contrast).
/// </summary>
internal sealed record DemoMovie(double Density, int Width, int Height, float[][] Frames, IReadOnlyList<Localization> Truth, string Recipe)
{
    public int FrameCount => Frames.Length;

    /// <summary>Particles per µm² in the field, counted from the truth.</summary>
    public double MeasuredDensity(double areaUm2) => Truth.Count / (double)FrameCount / areaUm2;
}
