using Perrin.Core.Tables;

namespace Perrin.Analysis.Diffusion;

/// <summary>
/// The whole diffusion analysis of a track table: grouping, skipping short tracks, optional drift subtraction,
/// per-track and ensemble MSD, D by the chosen estimator and the anomalous exponent α.
/// </summary>
public static class DiffusionAnalysis
{
    /// <param name="rows">Localizations with track ids (positions in nm).</param>
    /// <exception cref="ArgumentException">Bad options, two rows of one particle in one frame, or no track long enough.</exception>
    public static DiffusionReport Run(IEnumerable<Localization> rows, DiffusionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var set = TrackSet.FromLocalizations(rows);
        var kept = new List<Track>();
        int single = 0, shortTracks = 0;
        foreach (var track in set.Tracks)
        {
            if (track.Count == 1)
            {
                single++;
            }
            else if (track.Count < options.MinLength)
            {
                shortTracks++;
            }
            else
            {
                kept.Add(track);
            }
        }

        if (kept.Count == 0)
        {
            throw new ArgumentException(
                $"no track has at least {options.MinLength} points ({set.Tracks.Count} tracks: {single} with a single point, {shortTracks} shorter); lower the minimum length or link with more memory",
                nameof(rows));
        }

        DriftEstimate? drift = null;
        IReadOnlyList<Track> tracks = kept;
        if (options.SubtractDrift)
        {
            drift = DriftEstimator.Compute(kept, options.DriftSmoothing);
            tracks = drift.Subtract(kept);
        }

        var results = new TrackDiffusion[tracks.Count];
        var curves = new MsdCurve[tracks.Count];
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            curves[i] = Msd.ForTrack(track, options.MaxLag, options.FrameIntervalS, options.Dimension);
            var fit = options.Estimator == DiffusionEstimator.Cve
                ? CovarianceEstimator.Estimate(track, options.FrameIntervalS, options.Dimension, options.Blur)
                : FitLine(curves[i], options);
            var alpha = PowerLawFit.Fit(curves[i], 1, options.AlphaLags);
            results[i] = new TrackDiffusion(track.Particle, track.Count, track.Frames[0], track.Frames[^1], curves[i], fit, alpha);
        }

        var ensemble = Msd.Ensemble(curves);
        var ensembleFit = options.Estimator == DiffusionEstimator.Cve
            ? CovarianceEstimator.Estimate(tracks, options.FrameIntervalS, options.Dimension, options.Blur)
            : FitLine(ensemble, options);
        var ensembleAlpha = PowerLawFit.Fit(ensemble, 1, options.AlphaLags);
        return new DiffusionReport(options, ensemble, ensembleFit, ensembleAlpha, results, single, shortTracks, set.RowsWithoutParticle, drift);
    }

    private static DiffusionFit FitLine(MsdCurve curve, DiffusionOptions options) => options.Estimator == DiffusionEstimator.Michalet
        ? MichaletFit.Fit(curve, options.Blur)
        : MsdLineFit.Fit(curve, options.FitLags, options.Blur);
}
