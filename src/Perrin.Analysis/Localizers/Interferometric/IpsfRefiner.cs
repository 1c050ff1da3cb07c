using System.Collections.Concurrent;
using System.Numerics;
using Perrin.Analysis.Localizers.Mle;
using Perrin.Analysis.Localizers.Refinement;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>
/// Refines another detector's localizations (a network's) on a raw iSCAT frame by fitting the interferometric PSF
/// of every scatterer jointly. The frame is normalized by its median (the reference's photons per pixel) to
/// I/N − 1, which the model writes as |1 + Σ aₖ·F(x − xₖ, y − yₖ, dₖ)|² − 1 for scatterers of complex amplitude aₖ
/// at depth dₖ from focus. Overlapping rings are what pull a lone-spot estimate towards a neighbour; here each
/// scatterer is fitted on its window with every other scatterer's whole latest field subtracted (and its cross term
/// with them kept), pass after pass, so the fits converge to the joint least-squares solution. The first passes
/// search each depth on a grid (the amplitude, and a local offset for the window's background, solved linearly at
/// each) with the positions held; later ones take damped Gauss–Newton steps in position, amplitude, offset and
/// depth. Shot noise at 10⁴–10⁵ photons per pixel is nearly uniform over a frame of small contrasts, so the fit is
/// unweighted least squares. A scatterer is held within <see cref="IpsfRefinementParameters.MaxShiftPx"/> of its
/// detection, which it keeps when its fit fails or reaches that edge. Optionally the residual is then searched for
/// scatterers the detector missed (<see cref="IpsfResidualSearch"/>), which join the fit. Each call has its own
/// buffers, so one instance can serve several threads.
/// </summary>
public sealed class IpsfRefiner
{
    // Central differences over a quarter of the tabulated sub-pixel step of the field models Perrin builds.
    private const double DerivativeStepPx = 0.125;

    // A Gauss–Newton step longer than this (pixels) is cut to it: the iPSF's rings make the cost oscillate with period
    // about one ring spacing, and a longer jump can land in the next ring's minimum.
    private const double MaxStepPx = 1.5;

    // Depth derivatives over a quarter of the depth step Perrin's field tables are built with (0.1 λ/n).
    private const double DerivativeStepNm = 10;

    // A Gauss–Newton step in depth longer than this (nm) is cut to it, for the same reason as MaxStepPx.
    private const double MaxStepNm = 60;

    // A scatterer this close to the edge of its allowed shift was held there.
    private const double HeldFraction = 0.999;

    // x, y, Re a, Im a, offset, depth.
    private const int Count = 6;

    // A fit with a larger amplitude (a contrast of order one, where iSCAT's are 10⁻³ to 10⁻¹) has run away: a
    // scatterer by the frame's edge, whose field barely reaches its clipped window, or fields cancelling each other
    // to fit whatever the window holds. Placed in the model, its field would derail every neighbour's fit, pass after
    // pass, until the whole frame's had run away.
    private const double MaxAmplitude = 0.5;

    // Directions of the split pairs tried, evenly over half a turn.
    private const int SplitDirections = 8;

    // Half-separations of the split pairs tried, in units of the least separation kept: at 8 px, pairs 8 to 16 px
    // apart, about 180 to 370 nm at 23 nm pixels, where a detector's one spot between two particles sits 4 to 8 px
    // from each; a pair with one scatterer on the detection puts the other 8 to 16 px from it.
    private static readonly double[] SplitHalfSeparations = [0.5, 0.625, 0.75, 0.875, 1];

    private readonly ICoherentFieldModel _model;
    private readonly double[] _depths;
    private readonly ConcurrentDictionary<(int Height, int Width), Lazy<IpsfResidualSearch>> _searches = new();

    public IpsfRefiner(ICoherentFieldModel model, IpsfRefinementParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (!(model.MaxDepthNm >= model.MinDepthNm) || !double.IsFinite(model.MinDepthNm) || !double.IsFinite(model.MaxDepthNm))
        {
            throw new ArgumentException($"the field model's depth range [{model.MinDepthNm}, {model.MaxDepthNm}] nm is not an interval", nameof(model));
        }

        _model = model;
        Parameters = parameters;
        var count = (int)Math.Ceiling((model.MaxDepthNm - model.MinDepthNm) / parameters.DepthStepNm) + 1;
        _depths = new double[count];
        for (var i = 0; i < count; i++)
        {
            _depths[i] = count == 1 ? model.MinDepthNm : model.MinDepthNm + ((model.MaxDepthNm - model.MinDepthNm) * i / (count - 1));
        }
    }

    public IpsfRefinementParameters Parameters { get; }

    /// <summary>
    /// The detections of one frame, in their order, each refined or kept with the reason. <paramref name="counts"/>
    /// is the frame as recorded (height × width, rows contiguous), in any unit proportional to photons.
    /// </summary>
    public IpsfRefinement Refine(ReadOnlySpan<float> counts, int height, int width, IReadOnlyList<Localization> detections, double pixelSizeNm, int frameIndex)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if (!(pixelSizeNm > 0) || !double.IsFinite(pixelSizeNm))
        {
            throw new ArgumentException($"the pixel size must be a positive number of nm, got {pixelSizeNm}", nameof(pixelSizeNm));
        }

        if (counts.Length != (long)height * width)
        {
            throw new ArgumentException($"the frame holds {counts.Length} values, not {height} × {width}", nameof(counts));
        }

        var results = new RefinedLocalization[detections.Count];
        var frame = IpsfFrame.Normalize(counts, height, width);
        var scatterers = new IpsfScatterer?[detections.Count];
        for (var i = 0; i < detections.Count; i++)
        {
            var d = detections[i];
            var (x, y) = ((d.X / pixelSizeNm) - 0.5, (d.Y / pixelSizeNm) - 0.5);
            if (frame is not null && double.IsFinite(x) && double.IsFinite(y) && x > -1 && y > -1 && x < width && y < height)
            {
                scatterers[i] = new IpsfScatterer(x, y) { DepthNm = _depths[_depths.Length / 2] };
            }
        }

        var added = new List<Localization>();
        if (frame is not null)
        {
            var work = new IpsfWork((2 * Parameters.WindowRadiusPx) + 1, (2 * Parameters.ModelRadiusPx) + 1, _depths.Length);
            var all = scatterers.OfType<IpsfScatterer>().ToList();
            Passes(frame, all, work, Parameters.Passes);
            for (var round = 0; round < Parameters.SearchRounds; round++)
            {
                var search = _searches.GetOrAdd((height, width), key => new Lazy<IpsfResidualSearch>(() =>
                    new IpsfResidualSearch(_model, _depths, key.Height, key.Width, Parameters.SearchRadiusPx))).Value;
                var occupied = all.Select(s => (s.X, s.Y)).ToList();
                var candidates = search.Find(frame.Residual(), Parameters.SearchThreshold, occupied, Parameters.MinSeparationPx);
                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var c in candidates)
                {
                    all.Add(new IpsfScatterer(c.X, c.Y) { DepthNm = c.DepthNm, Added = true });
                }

                Passes(frame, all, work, Parameters.Passes);
            }

            if (Parameters.SplitThreshold > 0)
            {
                Split(frame, scatterers, all, work);
            }

            foreach (var s in all)
            {
                if (s.Added && Accepted(s, all))
                {
                    added.Add(new Localization(frameIndex, (s.X + 0.5) * pixelSizeNm, (s.Y + 0.5) * pixelSizeNm));
                }
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Outcome(detections[i], scatterers[i], pixelSizeNm);
        }

        return new IpsfRefinement(results, [.. added]);
    }

    private void Passes(IpsfFrame frame, List<IpsfScatterer> all, IpsfWork work, int passes)
    {
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var s in all)
            {
                FitOne(frame, s, work, pass >= Parameters.SettlingPasses);
            }
        }
    }

    // Tries each fitted detection as two scatterers, in the detections' order, and keeps the pairs that explain its window
    // markedly better: the first of a pair takes the detection's place, the second joins as an added scatterer.
    private void Split(IpsfFrame frame, IpsfScatterer?[] scatterers, List<IpsfScatterer> all, IpsfWork work)
    {
        var variance = frame.NoiseVariance();
        if (!(variance > 0))
        {
            return;
        }

        for (var i = 0; i < scatterers.Length; i++)
        {
            var s = scatterers[i];
            if (s is null || !s.Fitted || TrySplit(frame, s, all, work, variance) is not var (first, second))
            {
                continue;
            }

            scatterers[i] = first;
            all.Remove(s);
            all.Add(first);
            all.Add(second);
        }
    }

    // The pair that replaces s, or null (and s as it was) when none explains its window by the threshold more.
    private (IpsfScatterer First, IpsfScatterer Second)? TrySplit(IpsfFrame frame, IpsfScatterer s, List<IpsfScatterer> all, IpsfWork work, double variance)
    {
        var box = PixelBox.Around(s.X, s.Y, Parameters.WindowRadiusPx, frame.Width, frame.Height);
        var least = Math.Max(Parameters.MinSplitSeparationPx, Parameters.MinSeparationPx);
        if (box.Width < 3 || box.Height < 3 || !Apart(s, s, all, 2 * least))
        {
            return null;
        }

        var target = work.Target.AsSpan(0, box.Area);
        var gain = work.Gain.AsSpan(0, box.Area);
        frame.Prepare(box, s, target, gain);
        var (x, y) = (s.X - box.Left, s.Y - box.Top);
        var single = PairSplitFit.Cost(target, gain, Field(work.Field, box, x, y, s.DepthNm), default);
        // Pairs centred on the detection (one spot between two particles), and pairs with one scatterer on it (a
        // neighbour the detector missed), over a full turn since the second is not symmetric.
        var (bestCost, bestX, bestY, bestShift) = (double.PositiveInfinity, 0.0, 0.0, 0);
        for (var shift = 0; shift <= 1; shift++)
        {
            for (var d = 0; d < SplitDirections * (1 + shift); d++)
            {
                var angle = Math.PI * d / SplitDirections;
                foreach (var fraction in SplitHalfSeparations)
                {
                    var half = Math.Max(fraction * Parameters.MinSplitSeparationPx, 1);
                    var (dx, dy) = (half * Math.Cos(angle), half * Math.Sin(angle));
                    var cost = PairSplitFit.Cost(target, gain,
                        Field(work.FieldXPlus, box, x + ((shift + 1) * dx), y + ((shift + 1) * dy), s.DepthNm),
                        Field(work.FieldXMinus, box, x + ((shift - 1) * dx), y + ((shift - 1) * dy), s.DepthNm));
                    if (cost < bestCost)
                    {
                        (bestCost, bestX, bestY, bestShift) = (cost, dx, dy, shift);
                    }
                }
            }
        }

        // The screen's pair sits at fixed positions and depth, so the full fit usually gains more; half the threshold
        // leaves it that room while most detections stop here.
        if (!((single - bestCost) / variance > 0.5 * Parameters.SplitThreshold))
        {
            return null;
        }

        var before = frame.ResidualCost(box);
        var snapshot = frame.Snapshot();
        Remove(frame, s);
        // The scatterer nearer the detection takes its place.
        var first = new IpsfScatterer(s.X + ((bestShift - 1) * bestX), s.Y + ((bestShift - 1) * bestY)) { DepthNm = s.DepthNm };
        var second = new IpsfScatterer(s.X + ((bestShift + 1) * bestX), s.Y + ((bestShift + 1) * bestY)) { DepthNm = s.DepthNm, Added = true };
        for (var pass = 0; pass < Parameters.SplitPasses; pass++)
        {
            FitOne(frame, first, work, pass > 0);
            FitOne(frame, second, work, pass > 0);
        }

        var after = frame.ResidualCost(box);
        if (first.Fitted && second.Fitted && (before - after) / variance > Parameters.SplitThreshold
            && first.Amplitude.Magnitude <= MaxAmplitude && second.Amplitude.Magnitude <= MaxAmplitude
            && Square(first.X - second.X) + Square(first.Y - second.Y) >= Square(least)
            && Apart(first, s, all, least) && Apart(second, s, all, least))
        {
            return (first, second);
        }

        // The pair's trial fields leave the model exactly as it was, and s fitted in it as before.
        frame.Restore(snapshot);
        s.Fitted = true;
        return null;
    }

    // Whether a candidate lies at least `least` pixels from every other fitted scatterer but `split` (the one it replaces,
    // or itself): one closer would be taking a neighbour's particle, already fitted, a second time.
    private static bool Apart(IpsfScatterer candidate, IpsfScatterer split, List<IpsfScatterer> all, double least)
    {
        foreach (var other in all)
        {
            if (!ReferenceEquals(other, split) && other.Fitted && Square(other.X - candidate.X) + Square(other.Y - candidate.Y) < Square(least))
            {
                return false;
            }
        }

        return true;
    }

    // An added scatterer is kept when its fit converged near where the search put it and no other scatterer sits on it.
    private bool Accepted(IpsfScatterer s, List<IpsfScatterer> all)
    {
        if (!s.Fitted || !double.IsFinite(s.X) || !double.IsFinite(s.Y) || Math.Sqrt(Square(s.X - s.StartX) + Square(s.Y - s.StartY)) >= Parameters.MaxShiftPx * HeldFraction)
        {
            return false;
        }

        return Apart(s, s, all, Parameters.MinSeparationPx);
    }

    private RefinedLocalization Outcome(Localization detection, IpsfScatterer? s, double pixelSizeNm)
    {
        if (s is null)
        {
            return new RefinedLocalization(detection, RefinementOutcome.Unfittable);
        }

        if (!s.Fitted || !double.IsFinite(s.X) || !double.IsFinite(s.Y))
        {
            return new RefinedLocalization(detection, RefinementOutcome.NotConverged);
        }

        // A fit held at the edge of the allowed shift would have gone farther.
        if (Math.Sqrt(Square(s.X - s.StartX) + Square(s.Y - s.StartY)) >= Parameters.MaxShiftPx * HeldFraction)
        {
            return new RefinedLocalization(detection, RefinementOutcome.Moved);
        }

        return new RefinedLocalization(detection with { X = (s.X + 0.5) * pixelSizeNm, Y = (s.Y + 0.5) * pixelSizeNm }, RefinementOutcome.Refined);
    }

    // Fits one scatterer on its window of the frame minus every other scatterer's field, then puts its new field in the model.
    private void FitOne(IpsfFrame frame, IpsfScatterer s, IpsfWork work, bool move)
    {
        var box = PixelBox.Around(s.X, s.Y, Parameters.WindowRadiusPx, frame.Width, frame.Height);
        if (box.Width < 3 || box.Height < 3)
        {
            Remove(frame, s);
            return;
        }

        var target = work.Target.AsSpan(0, box.Area);
        var gain = work.Gain.AsSpan(0, box.Area);
        frame.Prepare(box, s, target, gain);
        var (x, y) = (s.X - box.Left, s.Y - box.Top);
        LinearFit fit;
        var depth = s.DepthNm;

        // Once moving, a scatterer keeps its depth and Gauss–Newton refines it: a new grid search each pass would jump
        // between the depth's near-ambiguities (defocus either side of the focal plane looks alike) and unsettle the
        // scatterers around it.
        var found = move && s.Fitted ? Linear(work, box, target, gain, x, y, depth, out fit) : SearchDepth(work, box, target, gain, x, y, out depth, out fit);
        if (!found)
        {
            Remove(frame, s);
            return;
        }

        var p = work.Parameters;
        p[0] = x;
        p[1] = y;
        p[2] = fit.Real;
        p[3] = fit.Imaginary;
        p[4] = fit.Offset;
        p[5] = depth;
        var cost = fit.Cost;
        var damping = 1e-3;
        for (var step = 0; move && step < Parameters.StepsPerPass; step++)
        {
            if (!GaussNewton(work, box, target, gain, ref cost, ref damping))
            {
                break;
            }
        }

        depth = p[5];
        if (!double.IsFinite(p[0]) || !double.IsFinite(p[1]) || !(Math.Sqrt((p[2] * p[2]) + (p[3] * p[3])) <= MaxAmplitude))
        {
            Remove(frame, s);
            return;
        }

        // A scatterer is held within the allowed shift of where it started: one that wanders off after noise or a
        // neighbour's ring would take that signal from the scatterers around it, pass after pass.
        var (nx, ny) = (p[0] + box.Left - s.StartX, p[1] + box.Top - s.StartY);
        var shift = Math.Sqrt((nx * nx) + (ny * ny));
        var hold = shift > Parameters.MaxShiftPx ? Parameters.MaxShiftPx / shift : 1.0;
        s.X = s.StartX + (hold * nx);
        s.Y = s.StartY + (hold * ny);
        s.DepthNm = depth;
        s.Amplitude = new Complex(p[2], p[3]);
        Remove(frame, s);
        Place(frame, s, work);
    }

    // The best depth on the grid, refined by a parabola, with the amplitude and offset solved at it; false when no depth gives a solvable fit.
    private bool SearchDepth(IpsfWork work, PixelBox box, ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, double x, double y, out double depth, out LinearFit fit)
    {
        var costs = work.DepthCosts.AsSpan(0, _depths.Length);
        var best = -1;
        for (var i = 0; i < _depths.Length; i++)
        {
            costs[i] = Linear(work, box, target, gain, x, y, _depths[i], out var f) ? f.Cost : double.PositiveInfinity;
            if (best < 0 ? double.IsFinite(costs[i]) : costs[i] < costs[best])
            {
                best = i;
            }
        }

        depth = best < 0 ? double.NaN : _depths[best];
        if (best > 0 && best < _depths.Length - 1 && double.IsFinite(costs[best - 1]) && double.IsFinite(costs[best + 1]))
        {
            var curvature = costs[best - 1] - (2 * costs[best]) + costs[best + 1];
            if (curvature > 0)
            {
                var shift = 0.5 * (costs[best - 1] - costs[best + 1]) / curvature;
                depth += Math.Clamp(shift, -0.5, 0.5) * (_depths[1] - _depths[0]);
            }
        }

        fit = default;
        return best >= 0 && Linear(work, box, target, gain, x, y, depth, out fit);
    }

    // Least-squares amplitude (real, imaginary) and offset of one scatterer at a fixed position and depth. The
    // interference term is linear in the amplitude; the scatterer's own |a·F|², a few per cent of it for the
    // strongest scatterers, is taken from a first solve and the amplitude solved again.
    private bool Linear(IpsfWork work, PixelBox box, ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, double x, double y, double depth, out LinearFit fit)
    {
        fit = default;
        var field = Field(work.Field, box, x, y, depth);
        Span<double> a = stackalloc double[9];
        Span<double> b = stackalloc double[3];
        double ar = 0, ai = 0;
        for (var round = 0; round < 2; round++)
        {
            a.Clear();
            b.Clear();
            var own = (ar * ar) + (ai * ai);
            for (var i = 0; i < field.Length; i++)
            {
                var g = field[i] * gain[i];
                double u = 2 * g.Real, v = -2 * g.Imaginary;
                var t = target[i] - (own * SquaredMagnitude(field[i]));
                a[0] += u * u;
                a[1] += u * v;
                a[2] += u;
                a[4] += v * v;
                a[5] += v;
                b[0] += u * t;
                b[1] += v * t;
                b[2] += t;
            }

            a[3] = a[1];
            a[6] = a[2];
            a[7] = a[5];
            a[8] = field.Length;
            if (!SymmetricSolver.TryFactor(a, 3))
            {
                return false;
            }

            SymmetricSolver.Solve(a, 3, b);
            (ar, ai) = (b[0], b[1]);
        }

        double cost = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var r = target[i] - (Model(field[i], gain[i], ar, ai) + b[2]);
            cost += r * r;
        }

        fit = new LinearFit(ar, ai, b[2], cost);
        return double.IsFinite(cost);
    }

    // One damped Gauss–Newton step in (x, y, Re a, Im a, offset, depth); false when it stops improving.
    private bool GaussNewton(IpsfWork work, PixelBox box, ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, ref double cost, ref double damping)
    {
        var p = work.Parameters;
        var n = box.Area;
        var depth = p[5];
        var f0 = Field(work.Field, box, p[0], p[1], depth);
        var fxp = Field(work.FieldXPlus, box, p[0] + DerivativeStepPx, p[1], depth);
        var fxm = Field(work.FieldXMinus, box, p[0] - DerivativeStepPx, p[1], depth);
        var fyp = Field(work.FieldYPlus, box, p[0], p[1] + DerivativeStepPx, depth);
        var fym = Field(work.FieldYMinus, box, p[0], p[1] - DerivativeStepPx, depth);
        var (low, high) = (Math.Max(depth - DerivativeStepNm, _model.MinDepthNm), Math.Min(depth + DerivativeStepNm, _model.MaxDepthNm));
        var fdp = Field(work.FieldDepthPlus, box, p[0], p[1], high);
        var fdm = Field(work.FieldDepthMinus, box, p[0], p[1], low);
        // The normal equations' sums in locals rather than a stack array: the same products added in the same order.
        Span<double> jtj = stackalloc double[Count * Count];
        Span<double> jtr = stackalloc double[Count];
        double m00 = 0, m10 = 0, m11 = 0, m20 = 0, m21 = 0, m22 = 0, m30 = 0, m31 = 0, m32 = 0, m33 = 0, m40 = 0, m41 = 0, m42 = 0, m43 = 0, m50 = 0, m51 = 0, m52 = 0, m53 = 0, m54 = 0, m55 = 0;
        double r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0;
        double ar = p[2], ai = p[3];
        var depthSpan = high > low;
        for (var i = 0; i < n; i++)
        {
            var g = gain[i];
            var j0 = (Model(fxp[i], g, ar, ai) - Model(fxm[i], g, ar, ai)) / (2 * DerivativeStepPx);
            var j1 = (Model(fyp[i], g, ar, ai) - Model(fym[i], g, ar, ai)) / (2 * DerivativeStepPx);
            var fg = f0[i] * g;
            var power = SquaredMagnitude(f0[i]);
            var j2 = (2 * fg.Real) + (2 * ar * power);
            var j3 = (-2 * fg.Imaginary) + (2 * ai * power);
            var j5 = depthSpan ? (Model(fdp[i], g, ar, ai) - Model(fdm[i], g, ar, ai)) / (high - low) : 0;
            var r = target[i] - (Model(f0[i], g, ar, ai) + p[4]);
            r0 += j0 * r;
            m00 += j0 * j0;
            r1 += j1 * r;
            m10 += j1 * j0;
            m11 += j1 * j1;
            r2 += j2 * r;
            m20 += j2 * j0;
            m21 += j2 * j1;
            m22 += j2 * j2;
            r3 += j3 * r;
            m30 += j3 * j0;
            m31 += j3 * j1;
            m32 += j3 * j2;
            m33 += j3 * j3;
            // The offset's derivative is 1.
            r4 += r;
            m40 += j0;
            m41 += j1;
            m42 += j2;
            m43 += j3;
            r5 += j5 * r;
            m50 += j5 * j0;
            m51 += j5 * j1;
            m52 += j5 * j2;
            m53 += j5 * j3;
            m54 += j5;
            m55 += j5 * j5;
        }

        jtr[0] = r0;
        jtr[1] = r1;
        jtr[2] = r2;
        jtr[3] = r3;
        jtr[4] = r4;
        jtr[5] = r5;
        jtj[0] = m00;
        jtj[6] = m10;
        jtj[7] = m11;
        jtj[12] = m20;
        jtj[13] = m21;
        jtj[14] = m22;
        jtj[18] = m30;
        jtj[19] = m31;
        jtj[20] = m32;
        jtj[21] = m33;
        jtj[24] = m40;
        jtj[25] = m41;
        jtj[26] = m42;
        jtj[27] = m43;
        jtj[28] = n;
        jtj[30] = m50;
        jtj[31] = m51;
        jtj[32] = m52;
        jtj[33] = m53;
        jtj[34] = m54;
        jtj[35] = m55;

        for (var a = 0; a < Count; a++)
        {
            // A depth the model cannot move (at the end of its range) would make the matrix singular.
            jtj[(a * Count) + a] = Math.Max(jtj[(a * Count) + a], 1e-12);
            for (var b = 0; b < a; b++)
            {
                jtj[(b * Count) + a] = jtj[(a * Count) + b];
            }
        }

        Span<double> m = stackalloc double[Count * Count];
        Span<double> delta = stackalloc double[Count];
        Span<double> trial = stackalloc double[Count];
        for (var attempt = 0; attempt < 6; attempt++)
        {
            jtj.CopyTo(m);
            for (var a = 0; a < Count; a++)
            {
                m[(a * Count) + a] *= 1 + damping;
            }

            jtr.CopyTo(delta);
            if (!SymmetricSolver.TryFactor(m, Count))
            {
                damping *= 10;
                continue;
            }

            SymmetricSolver.Solve(m, Count, delta);
            var length = Math.Sqrt((delta[0] * delta[0]) + (delta[1] * delta[1]));
            var scale = Math.Min(length > MaxStepPx ? MaxStepPx / length : 1.0, Math.Abs(delta[5]) > MaxStepNm ? MaxStepNm / Math.Abs(delta[5]) : 1.0);
            for (var a = 0; a < Count; a++)
            {
                trial[a] = p[a] + (scale * delta[a]);
            }

            trial[5] = Math.Clamp(trial[5], _model.MinDepthNm, _model.MaxDepthNm);
            var trialCost = Cost(work, box, target, gain, trial);
            if (trialCost < cost)
            {
                trial.CopyTo(p);
                var improvement = cost - trialCost;
                cost = trialCost;
                damping = Math.Max(damping / 10, 1e-7);
                return length * scale > 1e-3 && improvement > 1e-9 * cost;
            }

            damping *= 10;
        }

        return false;
    }

    private double Cost(IpsfWork work, PixelBox box, ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, ReadOnlySpan<double> p)
    {
        var field = Field(work.FieldXPlus, box, p[0], p[1], p[5]);
        double cost = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var r = target[i] - (Model(field[i], gain[i], p[2], p[3]) + p[4]);
            cost += r * r;
        }

        return cost;
    }

    private ReadOnlySpan<Complex> Field(Complex[] buffer, PixelBox box, double x, double y, double depth)
    {
        var span = buffer.AsSpan(0, box.Area);
        span.Clear();
        _model.AddField(span, box.Width, box.Height, x, y, Math.Clamp(depth, _model.MinDepthNm, _model.MaxDepthNm), Complex.One);
        return span;
    }

    // What a scatterer of amplitude a = ar + i·ai and field F adds to I/N − 1 where the others' field gives `gain` (see IpsfFrame.Prepare).
    private static double Model(Complex f, Complex gain, double ar, double ai)
    {
        var e = new Complex(ar, ai) * f;
        return (2 * (e * gain).Real) + SquaredMagnitude(e);
    }

    private static double SquaredMagnitude(Complex z) => (z.Real * z.Real) + (z.Imaginary * z.Imaginary);

    // Puts a scatterer's field over its window around its new position into the frame's model.
    private void Place(IpsfFrame frame, IpsfScatterer s, IpsfWork work)
    {
        var box = PixelBox.Around(s.X, s.Y, Parameters.ModelRadiusPx, frame.Width, frame.Height);
        var field = Field(work.Model, box, s.X - box.Left, s.Y - box.Top, s.DepthNm);
        // The scatterer's last contribution has left the model (Remove), so its array is free; a new one only when it grows.
        var contribution = s.Contribution.Length >= box.Area ? s.Contribution : new Complex[box.Area];
        for (var i = 0; i < box.Area; i++)
        {
            contribution[i] = s.Amplitude * field[i];
        }

        s.Box = box;
        s.Contribution = contribution;
        s.Fitted = true;
        frame.Add(box, contribution, 1);
    }

    private static void Remove(IpsfFrame frame, IpsfScatterer s)
    {
        if (s.Fitted)
        {
            frame.Add(s.Box, s.Contribution, -1);
            s.Fitted = false;
        }
    }

    private static double Square(double v) => v * v;
}
