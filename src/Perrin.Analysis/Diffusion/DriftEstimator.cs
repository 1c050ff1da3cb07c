namespace Perrin.Analysis.Diffusion;

/// <summary>
/// Drift as trackpy's compute_drift defines it: for each frame, the mean displacement of every particle seen in both
/// that frame and the one before; optionally smoothed by a trailing mean over the last <c>smoothing</c> such frames;
/// then summed over frames.
/// </summary>
public static class DriftEstimator
{
    /// <param name="smoothing">Window of the trailing mean, in frames that have displacements; 0 or 1 for none.</param>
    public static DriftEstimate Compute(IReadOnlyList<Track> tracks, int smoothing = 0)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentOutOfRangeException.ThrowIfNegative(smoothing);
        var steps = new SortedDictionary<int, (double X, double Y, int Count)>();
        foreach (var track in tracks)
        {
            var frames = track.Frames;
            for (var i = 1; i < frames.Length; i++)
            {
                if (frames[i] - frames[i - 1] != 1)
                {
                    continue;
                }

                steps.TryGetValue(frames[i], out var sum);
                steps[frames[i]] = (sum.X + track.X[i] - track.X[i - 1], sum.Y + track.Y[i] - track.Y[i - 1], sum.Count + 1);
            }
        }

        var count = steps.Count;
        var listed = new int[count];
        var meanX = new double[count];
        var meanY = new double[count];
        var k = 0;
        foreach (var (frame, sum) in steps)
        {
            (listed[k], meanX[k], meanY[k]) = (frame, sum.X / sum.Count, sum.Y / sum.Count);
            k++;
        }

        var window = Math.Max(1, smoothing);
        var cumulativeX = new double[count];
        var cumulativeY = new double[count];
        double runX = 0, runY = 0, windowX = 0, windowY = 0;
        for (var i = 0; i < count; i++)
        {
            windowX += meanX[i];
            windowY += meanY[i];
            if (i >= window)
            {
                windowX -= meanX[i - window];
                windowY -= meanY[i - window];
            }

            var span = Math.Min(i + 1, window);
            runX += windowX / span;
            runY += windowY / span;
            (cumulativeX[i], cumulativeY[i]) = (runX, runY);
        }

        return new DriftEstimate(listed, cumulativeX, cumulativeY);
    }
}
