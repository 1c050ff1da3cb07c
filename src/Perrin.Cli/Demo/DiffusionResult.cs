using Perrin.Analysis.Diffusion;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// D estimated from one movie's tracks: the network's localizations linked into tracks, or the true tracks for
/// reference. <see cref="Report"/> is null, with <see cref="Note"/> saying why, when no track was long enough.
/// </summary>
internal sealed record DiffusionResult(double Density, string Source, IReadOnlyList<Localization> Tracks, DiffusionReport? Report, string? Note)
{
    public double D => Report?.EnsembleFit.D ?? double.NaN;

    public double DStdErr => Report?.EnsembleDStdErr ?? double.NaN;

    public int TrackCount => Report?.Tracks.Count ?? 0;
}
