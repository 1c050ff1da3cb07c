using Perrin.Analysis.Localizers.Mle;
using Perrin.Analysis.Spatial;
using Perrin.Core.Maths;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers.Refinement;

/// <summary>
/// Refines another detector's localizations (a network's) on the raw frame with the camera-aware Gaussian MLE of
/// <see cref="GaussianMle"/>, each fit on a small window around the detection and started at its position and
/// photons. The light of the other detections that reach the window (within 3 σ of it) is part of the fit's model,
/// as Gaussians at their detected positions and photons, then at their own latest fits, pass after pass until the
/// fits settle, so that a neighbour does not pull the fit. A detection keeps its own position when a neighbour is
/// nearer than <see cref="MleRefinementParameters.MinSeparationPx"/>, has no photon count or is not refined itself,
/// and when the fit fails, moves farther than <see cref="MleRefinementParameters.MaxShiftPx"/>, finds an
/// implausible σ or explains the window poorly. Each call has its own buffers, so one instance can serve several
/// threads; the result does not depend on how calls are spread over threads.
/// </summary>
public sealed class MleRefiner
{
    private const double ReachSigmas = 3.0;

    // Passes over the detections with neighbours, each modelling the neighbours by the previous pass's fits, until
    // no fit moves by more than ConvergedPx or changes its photons by more than the fraction ConvergedPhotons.
    private const int MaxPasses = 10;
    private const double ConvergedPx = 1e-3;
    private const double ConvergedPhotons = 1e-3;
    private readonly GaussianMleParameters _fit;

    public MleRefiner(MleRefinementParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        _fit = parameters.Fit;
    }

    public MleRefinementParameters Parameters { get; }

    /// <summary>
    /// The detections of one frame, in their order, each refined or kept with the reason. <paramref name="counts"/>
    /// is the frame as the camera recorded it (height × width, rows contiguous); refined rows take the fit's
    /// position, photons, background, σ, uncertainty and χ², and keep the detection's z.
    /// </summary>
    public RefinedLocalization[] Refine(ReadOnlySpan<float> counts, int height, int width, IReadOnlyList<Localization> detections, double pixelSizeNm)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        if (counts.Length != (long)height * width)
        {
            throw new ArgumentException($"the frame holds {counts.Length} values, not {height} × {width}", nameof(counts));
        }

        var results = new RefinedLocalization[detections.Count];
        var size = (2 * Parameters.RoiRadiusPx) + 1;
        if (height < size || width < size)
        {
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = new RefinedLocalization(detections[i], RefinementOutcome.Unfittable);
            }

            return results;
        }

        var points = detections.ToArray();
        var reach = Parameters.RoiRadiusPx + 1 + (ReachSigmas * Parameters.SigmaPx);
        var grid = new PointGrid();
        if (points.Length > 0)
        {
            // Models move up to MaxShiftPx from the detections the grid holds, so the grid looks that much farther.
            grid.Build(points, (reach + (2 * Parameters.MaxShiftPx)) * pixelSizeNm);
        }

        var window = new Window(new MleRoiFit(_fit, size), new float[size * size], new float[size * size], new double[size], new double[size], size, reach, pixelSizeNm);
        var near = new List<int>();
        var models = new Localization[points.Length];
        Array.Copy(points, models, points.Length);
        var fits = new Localization?[points.Length];
        var crowded = new bool[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            results[i] = RefineOne(counts, height, width, points, models, i, grid, near, window, out fits[i]);
            crowded[i] = near.Count > 0;
        }

        // A neighbour's light modelled from its detection (the network's photons) is often far off; modelled from its
        // latest fit, even one the guards reject, it comes closer to the truth with every pass, as in a joint fit.
        var moved = new bool[points.Length];
        for (var pass = 1; pass < MaxPasses && UpdateModels(models, fits, moved, pixelSizeNm); pass++)
        {
            for (var i = 0; i < points.Length; i++)
            {
                // A fit whose neighbours' models stayed put would come out the same.
                if (crowded[i] && Neighbours(models, i, grid, near, window) && near.Exists(j => moved[j]))
                {
                    results[i] = RefineOne(counts, height, width, points, models, i, grid, near, window, out fits[i]);
                }
            }
        }

        // A neighbour whose own fit the guards reject is not the Gaussian the model draws, so its light is unknown.
        var trusted = results.Select(r => r.Outcome == RefinementOutcome.Refined).ToArray();
        for (var i = 0; i < points.Length; i++)
        {
            if (crowded[i] && trusted[i] && Neighbours(models, i, grid, near, window) && near.Exists(j => !trusted[j]))
            {
                results[i] = new RefinedLocalization(points[i], RefinementOutcome.Crowded);
            }
        }

        return results;
    }

    // Takes the latest fits as the spots' models, marking in `moved` those that moved by more than a negligible
    // distance or changed their photons by more than a negligible fraction; false when none did.
    private static bool UpdateModels(Localization[] models, Localization?[] fits, bool[] moved, double pixelSizeNm)
    {
        var changed = false;
        for (var i = 0; i < models.Length; i++)
        {
            moved[i] = false;
            if (fits[i] is { } fitted)
            {
                var previous = models[i];
                moved[i] = Math.Abs(fitted.X - previous.X) > ConvergedPx * pixelSizeNm || Math.Abs(fitted.Y - previous.Y) > ConvergedPx * pixelSizeNm
                    || !(Math.Abs(fitted.Intensity - previous.Intensity) <= ConvergedPhotons * fitted.Intensity);
                changed |= moved[i];
                models[i] = fitted;
            }
        }

        return changed;
    }

    // `models` are the spots whose light the fit's model holds: the detections, or their latest fits.
    private RefinedLocalization RefineOne(ReadOnlySpan<float> counts, int height, int width, Localization[] points, Localization[] models, int index,
        PointGrid grid, List<int> near, Window window, out Localization? fitted)
    {
        fitted = null;
        near.Clear();
        var detection = points[index];
        var px = window.PixelSizeNm;
        var (x, y) = (detection.X / px - 0.5, detection.Y / px - 0.5);
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return new RefinedLocalization(detection, RefinementOutcome.Unfittable);
        }

        var size = window.Size;
        var radius = Parameters.RoiRadiusPx;
        var left = (int)Math.Clamp(Math.Round(x) - radius, 0, width - size);
        var top = (int)Math.Clamp(Math.Round(y) - radius, 0, height - size);
        if (!Neighbours(models, index, grid, near, window))
        {
            return new RefinedLocalization(detection, RefinementOutcome.Crowded);
        }

        if (!RoiStatistics.TryCopy(counts, width, left, top, size, window.Roi))
        {
            return new RefinedLocalization(detection, RefinementOutcome.Unfittable);
        }

        var camera = Parameters.Camera;
        camera.ToPhotoelectrons(window.Roi, window.Roi);
        Array.Clear(window.Known);
        foreach (var j in near)
        {
            AddLight(window, models[j], left, top, camera.QuantumEfficiency);
        }

        var start = new MleStart(x - left, y - top, detection.Intensity * camera.QuantumEfficiency);
        var view = new RoiView(window.Roi, size, left, top, counts, width, detection.Frame, px);
        if (window.Fit.Fit(view, start, near.Count > 0 ? window.Known : []) is not { } fit)
        {
            return new RefinedLocalization(detection, RefinementOutcome.NotConverged);
        }

        var shift = Math.Sqrt(Square(fit.X / px - 0.5 - x) + Square(fit.Y / px - 0.5 - y));
        if (shift > Parameters.MaxShiftPx)
        {
            return new RefinedLocalization(detection, RefinementOutcome.Moved);
        }

        fitted = fit;
        var sigma = Parameters.SigmaPx;
        if (fit.Size < sigma / Parameters.SigmaTolerance || fit.Size > sigma * Parameters.SigmaTolerance)
        {
            return new RefinedLocalization(detection, RefinementOutcome.ImplausibleSigma);
        }

        if (fit.Chi2 > Parameters.MaxDevianceRatio * Parameters.ExpectedDeviance)
        {
            return new RefinedLocalization(detection, RefinementOutcome.PoorFit);
        }

        return new RefinedLocalization(fit with { Z = detection.Z, UncertaintyZ = detection.UncertaintyZ, Id = detection.Id }, RefinementOutcome.Refined);
    }

    // Leaves in `near` the other detections of the frame whose light reaches the window; false when one is too close
    // to tell apart or has no photon count to model its light by.
    private bool Neighbours(Localization[] points, int index, PointGrid grid, List<int> near, Window window)
    {
        near.Clear();
        var self = points[index];
        grid.Near(self.X, self.Y, near);
        var px = window.PixelSizeNm;
        var minSeparation = Parameters.MinSeparationPx * px;
        var reach = window.ReachPx * px;
        var kept = 0;
        for (var k = 0; k < near.Count; k++)
        {
            var j = near[k];
            var other = points[j];
            if (j == index || other.Frame != self.Frame)
            {
                continue;
            }

            var (dx, dy) = (other.X - self.X, other.Y - self.Y);
            if (Math.Abs(dx) > reach || Math.Abs(dy) > reach)
            {
                continue;
            }

            if (Math.Sqrt((dx * dx) + (dy * dy)) < minSeparation || !(other.Intensity > 0 && double.IsFinite(other.Intensity)))
            {
                near.Clear();
                return false;
            }

            near[kept++] = j;
        }

        near.RemoveRange(kept, near.Count - kept);
        return true;
    }

    // Adds a neighbour's expected photoelectrons, a pixel-integrated Gaussian of its fitted σ or the PSF's, to the window's known light.
    private void AddLight(Window window, Localization neighbour, int left, int top, double quantumEfficiency)
    {
        var px = window.PixelSizeNm;
        var sigma = neighbour.Sigma > 0 ? neighbour.Sigma / px : Parameters.SigmaPx;
        GaussianPixelMass.Fill(window.MassX, left, neighbour.X / px - 0.5, sigma);
        GaussianPixelMass.Fill(window.MassY, top, neighbour.Y / px - 0.5, sigma);
        var photoelectrons = neighbour.Intensity * quantumEfficiency;
        var size = window.Size;
        for (var row = 0; row < size; row++)
        {
            var weight = photoelectrons * window.MassY[row];
            for (var col = 0; col < size; col++)
            {
                window.Known[(row * size) + col] += (float)(weight * window.MassX[col]);
            }
        }
    }

    private static double Square(double v) => v * v;

    private sealed record Window(MleRoiFit Fit, float[] Roi, float[] Known, double[] MassX, double[] MassY, int Size, double ReachPx, double PixelSizeNm);
}
