using System.Buffers;
using System.Runtime.Intrinsics;

namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// The geometry every extended body shares. In the body's own frame, rotated by the angle and scaled by the
/// in-plane semi-axes a and b (pixels), a point lies at normalized radius ρ and angle θ; the outline is
/// ρ = 1 + m(θ), with m a sum of harmonics εₖ cos(kθ + φₖ) (none for ellipses), so t = ρ / (1 + m(θ)) is below 1
/// inside. Along z the body fills z₀ ± h with h = c·√(1 − t²) (a dome: spheres, ellipsoids, cells) or h = c
/// (a flat plate). The pixels the outline crosses are found from the outline itself (sampled finely, each chord
/// grown by how far the arc can stray from it); every other pixel lies wholly inside or outside, and a run of them
/// along a row is classified by one point. Inside, the chord is smooth and a 2 × 2 Gauss–Legendre rule averages it
/// (its error falls as 1/n⁴ where the midpoint rule's falls as 1/n²). In crossed pixels, where the chord rises like
/// √distance, a dome is averaged on <see cref="RimSamples"/>² midpoints; the rim errors, of size h^1.5 per sub-cell
/// of side h, largely cancel around the outline, and the tests hold every body's volume to 1e-3 of its closed form.
/// Coverage, and a plate's crossed pixels, sample <see cref="CoverageSamples"/>² sub-cells with a linear ramp
/// across each along the outline's local normal, which is exact for a straight edge through the cell centre and
/// second-order otherwise. Every slab uses the same points, so slabs add up to the projection point by point.
/// </summary>
internal sealed class StarBody
{
    public const int RimSamples = 8;
    public const int CoverageSamples = 4;

    // ±1/(2√3): the 2-point Gauss–Legendre nodes of a unit interval about its centre.
    private const double GaussOffset = 0.28867513459481287;

    private static readonly Vector256<double> Lanes = Vector256.Create(0.0, 1, 2, 3);

    // Outline chords are at most this long in pixels, so that each marks only the few pixels next to it.
    private const double MaxChordPixels = 0.5;

    // Bodies far larger than the image still mark their outline in bounded time, with longer chords.
    private const int MaxOutlinePoints = 1 << 16;

    private readonly double _cx;
    private readonly double _cy;
    private readonly double _z;
    private readonly double _a;
    private readonly double _b;
    private readonly double _cos;
    private readonly double _sin;
    private readonly double _ux;
    private readonly double _uy;
    private readonly double _vx;
    private readonly double _vy;
    private readonly double _c;
    private readonly bool _flat;
    private readonly double[] _epsilon;
    private readonly double[] _cosPhi;
    private readonly double[] _sinPhi;
    private readonly double _outer2;
    private readonly double _speedBound;
    private readonly double _curvatureBound;

    /// <param name="harmonics">εₖ and φₖ of the outline for orders k = 1, 2, …; Σ|εₖ| must stay below ½.</param>
    public StarBody(double xPx, double yPx, double zNm, double aPx, double bPx, double angleRad, double halfDepthNm, bool flat, ReadOnlySpan<(double Epsilon, double Phi)> harmonics)
    {
        if (!double.IsFinite(xPx) || !double.IsFinite(yPx) || !double.IsFinite(zNm))
        {
            throw new ArgumentException($"A body needs a finite position, got ({xPx}, {yPx}, {zNm}).", nameof(xPx));
        }

        if (!(aPx > 0 && aPx < 1e6 && bPx > 0 && bPx < 1e6 && halfDepthNm > 0 && halfDepthNm < 1e12 && double.IsFinite(angleRad)))
        {
            throw new ArgumentException($"A body needs semi-axes between 0 and 1e6 pixels, a positive finite depth and a finite angle, got a = {aPx}, b = {bPx}, c = {halfDepthNm} nm, angle {angleRad}.", nameof(aPx));
        }

        _cx = xPx;
        _cy = yPx;
        _z = zNm;
        _a = aPx;
        _b = bPx;
        (_sin, _cos) = Math.SinCos(angleRad);
        _c = halfDepthNm;
        _flat = flat;
        _ux = _cos / aPx;
        _uy = _sin / aPx;
        _vx = -_sin / bPx;
        _vy = _cos / bPx;
        _epsilon = new double[harmonics.Length];
        _cosPhi = new double[harmonics.Length];
        _sinPhi = new double[harmonics.Length];
        double total = 0, slope = 0, bend = 0, squares = 0;
        for (var k = 0; k < harmonics.Length; k++)
        {
            _epsilon[k] = harmonics[k].Epsilon;
            (_sinPhi[k], _cosPhi[k]) = Math.SinCos(harmonics[k].Phi);
            total += Math.Abs(_epsilon[k]);
            slope += (k + 1) * Math.Abs(_epsilon[k]);
            bend += (k + 1) * (k + 1) * Math.Abs(_epsilon[k]);
            squares += _epsilon[k] * _epsilon[k];
        }

        if (!(total < 0.5))
        {
            throw new ArgumentException($"The outline harmonics must add up to less than 0.5 of the radius, got {total}.", nameof(harmonics));
        }

        MaxModulation = total;
        AreaFactor = 1 + (0.5 * squares);
        _outer2 = (1 + total) * (1 + total);

        // The outline (1 + m)e^{iθ}, stretched by at most max(a, b): |d/dθ| ≤ |m′| + |1 + m| and
        // |d²/dθ²| ≤ |m″| + 2|m′| + |1 + m|.
        _speedBound = 1 + total + slope;
        _curvatureBound = 1 + total + (2 * slope) + bend;
        var reachA = _a * (1 + total);
        var reachB = _b * (1 + total);
        var halfX = Math.Sqrt((reachA * _cos * reachA * _cos) + (reachB * _sin * reachB * _sin));
        var halfY = Math.Sqrt((reachA * _sin * reachA * _sin) + (reachB * _cos * reachB * _cos));
        PixelBounds = (Index(_cx - halfX), Index(_cy - halfY), Index(_cx + halfX), Index(_cy + halfY));
        DepthExtent = (_z - _c, _z + _c);
    }

    public (double MinNm, double MaxNm) DepthExtent { get; }

    public (int X0, int Y0, int X1, int Y1) PixelBounds { get; }

    /// <summary>Largest |m(θ)|.</summary>
    public double MaxModulation { get; }

    /// <summary>(1/2π)∫(1 + m)² dθ = 1 + ½Σεₖ²: area and volume relative to the unmodulated ellipse.</summary>
    public double AreaFactor { get; }

    /// <summary>Outline area in square pixels: πab(1 + ½Σεₖ²).</summary>
    public double AreaPx => Math.PI * _a * _b * AreaFactor;

    /// <summary>Volume in px²·nm: the dome's ∫2c√(1 − t²) over the outline is 4/3πabc·(1 + ½Σεₖ²); a plate's is 2c times the area.</summary>
    public double VolumePx2Nm => _flat ? 2 * _c * AreaPx : 4.0 / 3.0 * Math.PI * _a * _b * _c * AreaFactor;

    public void AddSlab(Span<float> image, int width, int height, double zFromNm, double zToNm, double weight)
    {
        RequireImage(image.Length, width, height);
        if (!(zToNm > zFromNm) || zToNm <= DepthExtent.MinNm || zFromNm >= DepthExtent.MaxNm || weight == 0)
        {
            return;
        }

        var below = _z - zFromNm;
        var above = zToNm - _z;
        Raster(image, width, height, weight, below, above, slab: true);
    }

    public void AddCoverage(Span<float> image, int width, int height, double weight)
    {
        RequireImage(image.Length, width, height);
        if (weight != 0)
        {
            Raster(image, width, height, weight, 0, 0, slab: false);
        }
    }

    /// <summary>t at (x, y) in pixels: below 1 inside the outline.</summary>
    public double T(double x, double y)
    {
        var dx = x - _cx;
        var dy = y - _cy;
        return Math.Sqrt(T2((dx * _ux) + (dy * _uy), (dx * _vx) + (dy * _vy)));
    }

    private void Raster(Span<float> image, int width, int height, double weight, double below, double above, bool slab)
    {
        if (!Window(width, height, out var x0, out var y0, out var x1, out var y1))
        {
            return;
        }

        var columns = x1 - x0 + 1;
        var rows = y1 - y0 + 1;
        var marks = ArrayPool<byte>.Shared.Rent(columns * rows);
        try
        {
            Array.Clear(marks, 0, columns * rows);
            MarkOutline(marks.AsSpan(0, columns * rows), x0, y0, x1, y1);
            for (var row = y0; row <= y1; row++)
            {
                var line = image.Slice(row * width, width);
                var crossed = marks.AsSpan((row - y0) * columns, columns);
                var known = false;
                var inside = false;
                for (var col = x0; col <= x1; col++)
                {
                    if (crossed[col - x0] != 0)
                    {
                        var value = !slab ? RimCoverage(col, row) : _flat ? Clip(_c, below, above) * RimCoverage(col, row) : RimChord(col, row, below, above);
                        line[col] += (float)(weight * value);
                        known = false;
                        continue;
                    }

                    // A run of pixels the outline does not cross lies wholly on one side of it.
                    if (!known)
                    {
                        inside = T(col, row) < 1;
                        known = true;
                    }

                    if (inside)
                    {
                        line[col] += (float)(weight * (!slab ? 1 : _flat ? Clip(_c, below, above) : InteriorChord(col, row, below, above)));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(marks);
        }
    }

    /// <summary>
    /// Marks the pixels of the window the outline may cross: the outline P(θ) is sampled at N points, and each
    /// chord between neighbours, grown by the largest distance Δθ²/8·max|P″| of the arc from its chord, marks the
    /// pixels its bounding box touches.
    /// </summary>
    private void MarkOutline(Span<byte> marks, int x0, int y0, int x1, int y1)
    {
        var columns = x1 - x0 + 1;
        var reach = Math.Max(_a, _b);
        var count = (int)Math.Clamp(Math.Ceiling(2 * Math.PI * reach * _speedBound / MaxChordPixels), 16, MaxOutlinePoints);
        var dTheta = 2 * Math.PI / count;
        var grow = (dTheta * dTheta / 8 * reach * _curvatureBound) + 1e-9;
        var (stepSin, stepCos) = Math.SinCos(dTheta);
        double cos = 1, sin = 0;
        var (px, py) = OutlinePoint(cos, sin);
        for (var j = 1; j <= count; j++)
        {
            // Rotating by Δθ each step drifts by ~j·1e-16, far below the growth margin.
            (cos, sin) = j == count ? (1, 0) : ((cos * stepCos) - (sin * stepSin), (sin * stepCos) + (cos * stepSin));
            var (qx, qy) = OutlinePoint(cos, sin);
            var left = Math.Max(Math.Ceiling(Math.Min(px, qx) - grow - 0.5), x0);
            var right = Math.Min(Math.Floor(Math.Max(px, qx) + grow + 0.5), x1);
            var top = Math.Max(Math.Ceiling(Math.Min(py, qy) - grow - 0.5), y0);
            var bottom = Math.Min(Math.Floor(Math.Max(py, qy) + grow + 0.5), y1);
            for (var row = (int)top; row <= bottom && left <= right; row++)
            {
                marks.Slice(((row - y0) * columns) + (int)left - x0, (int)right - (int)left + 1).Fill(1);
            }

            (px, py) = (qx, qy);
        }
    }

    // The outline point at angle θ of the body's frame, in image pixels.
    private (double X, double Y) OutlinePoint(double cos, double sin)
    {
        double ck = 1, sk = 0, r = 1;
        for (var k = 0; k < _epsilon.Length; k++)
        {
            (ck, sk) = ((ck * cos) - (sk * sin), (sk * cos) + (ck * sin));
            r += _epsilon[k] * ((ck * _cosPhi[k]) - (sk * _sinPhi[k]));
        }

        var u = _a * r * cos;
        var v = _b * r * sin;
        return (_cx + (u * _cos) - (v * _sin), _cy + (u * _sin) + (v * _cos));
    }

    // Pixel mean of the clipped chord where the outline does not cross the pixel and the chord is smooth: its
    // mean, and its slopes for the clip, from 2 × 2 Gauss–Legendre points (the mean exact for cubics in x and y).
    // Each point stands for its quarter of the pixel, with the pixel's slopes, so that the clip sees the chord's
    // curvature too.
    private double InteriorChord(int col, int row, double below, double above)
    {
        var dx = Vector256.Create(-GaussOffset, GaussOffset, -GaussOffset, GaussOffset) + Vector256.Create(col - _cx);
        var dy = Vector256.Create(-GaussOffset, -GaussOffset, GaussOffset, GaussOffset) + Vector256.Create(row - _cy);
        var t2 = T2((dx * _ux) + (dy * _uy), (dx * _vx) + (dy * _vy));
        var h = Vector256.Sqrt(Vector256.Max(Vector256<double>.One - t2, Vector256<double>.Zero)) * _c;
        var (topLeft, topRight, bottomLeft, bottomRight) = (h.GetElement(0), h.GetElement(1), h.GetElement(2), h.GetElement(3));
        var across = 2 * GaussOffset;
        var gx = (topRight + bottomRight - topLeft - bottomLeft) / (2 * across);
        var gy = (bottomLeft + bottomRight - topLeft - topRight) / (2 * across);
        var shift = GaussOffset - 0.25;
        return 0.25 * (LinearChordClip.Mean(topLeft + (shift * (gx + gy)), 0.5 * gx, 0.5 * gy, below, above)
            + LinearChordClip.Mean(topRight + (shift * (gy - gx)), 0.5 * gx, 0.5 * gy, below, above)
            + LinearChordClip.Mean(bottomLeft + (shift * (gx - gy)), 0.5 * gx, 0.5 * gy, below, above)
            + LinearChordClip.Mean(bottomRight - (shift * (gx + gy)), 0.5 * gx, 0.5 * gy, below, above));
    }

    // Pixel mean of the clipped chord where the outline crosses the pixel: midpoints of a RimSamples² grid, four
    // at a time along x.
    private double RimChord(int col, int row, double below, double above)
    {
        const double step = 1.0 / RimSamples;
        var zero = Vector256<double>.Zero;
        var alongU = Lanes * (step * _ux);
        var alongV = Lanes * (step * _vx);
        var outer = Vector256.Create(_outer2);
        var low = Vector256.Create(below);
        var high = Vector256.Create(above);
        var sum = zero;
        for (var j = 0; j < RimSamples; j++)
        {
            var dy = row - 0.5 + ((j + 0.5) * step) - _cy;
            for (var i = 0; i < RimSamples; i += Vector256<double>.Count)
            {
                var dx = col - 0.5 + ((i + 0.5) * step) - _cx;
                var u = alongU + Vector256.Create((dx * _ux) + (dy * _uy));
                var v = alongV + Vector256.Create((dx * _vx) + (dy * _vy));
                if (Vector256.GreaterThanOrEqualAll((u * u) + (v * v), outer))
                {
                    continue;
                }

                // Outside, h = 0 and its clipped length is 0 for any slab.
                var h = Vector256.Sqrt(Vector256.Max(Vector256<double>.One - T2(u, v), zero)) * _c;
                sum += Vector256.Max(zero, Vector256.Min(h, low) + Vector256.Min(h, high));
            }
        }

        return Vector256.Sum(sum) * step * step;
    }

    // Covered fraction of a pixel the outline crosses. t changes by gx, gy per pixel near here; a sub-cell whose
    // centre has t = ts is cut by the outline at a signed distance (ts − 1)/|g| from its centre, and its covered
    // fraction ramps over step·(|gx| + |gy|)/|g| of that distance.
    private double RimCoverage(int col, int row)
    {
        const double step = 1.0 / CoverageSamples;
        const double probe = 0.25;
        var one = Vector256<double>.One;
        var px = Vector256.Create(probe, -probe, 0, 0) + Vector256.Create(col - _cx);
        var py = Vector256.Create(0, 0, probe, -probe) + Vector256.Create(row - _cy);
        var probes = Vector256.Sqrt(T2((px * _ux) + (py * _uy), (px * _vx) + (py * _vy)));
        var gx = (probes.GetElement(0) - probes.GetElement(1)) / (2 * probe);
        var gy = (probes.GetElement(2) - probes.GetElement(3)) / (2 * probe);
        var ramp = step * (Math.Abs(gx) + Math.Abs(gy));
        var dx = (Lanes * step) + Vector256.Create(col - 0.5 + (0.5 * step) - _cx);
        var covered = Vector256<double>.Zero;
        for (var j = 0; j < CoverageSamples; j++)
        {
            var dy = row - 0.5 + ((j + 0.5) * step) - _cy;
            var ts = Vector256.Sqrt(T2((dx * _ux) + Vector256.Create(dy * _uy), (dx * _vx) + Vector256.Create(dy * _vy)));
            covered += ramp > 0
                ? Vector256.Min(Vector256.Max(Vector256.Create(0.5) - ((ts - one) * (1 / ramp)), Vector256<double>.Zero), one)
                : Vector256.ConditionalSelect(Vector256.LessThan(ts, one), one, Vector256<double>.Zero);
        }

        return Vector256.Sum(covered) * step * step;
    }

    // t² at (u, v) of the body's frame, with cos kθ and sin kθ by repeated multiplication with e^{iθ}.
    private double T2(double u, double v)
    {
        var q = (u * u) + (v * v);
        if (_epsilon.Length == 0 || q == 0)
        {
            return q;
        }

        var rho = Math.Sqrt(q);
        var c1 = u / rho;
        var s1 = v / rho;
        double ck = 1, sk = 0, r = 1;
        for (var k = 0; k < _epsilon.Length; k++)
        {
            (ck, sk) = ((ck * c1) - (sk * s1), (sk * c1) + (ck * s1));
            r += _epsilon[k] * ((ck * _cosPhi[k]) - (sk * _sinPhi[k]));
        }

        return q / (r * r);
    }

    // T2 at four points at once; at the centre, where θ is undefined, the harmonics are multiplied by 0.
    private Vector256<double> T2(Vector256<double> u, Vector256<double> v)
    {
        var q = (u * u) + (v * v);
        if (_epsilon.Length == 0)
        {
            return q;
        }

        var rho = Vector256.Max(Vector256.Sqrt(q), Vector256.Create(double.Epsilon));
        var c1 = u / rho;
        var s1 = v / rho;
        var ck = Vector256<double>.One;
        var sk = Vector256<double>.Zero;
        var r = Vector256<double>.One;
        for (var k = 0; k < _epsilon.Length; k++)
        {
            (ck, sk) = ((ck * c1) - (sk * s1), (sk * c1) + (ck * s1));
            r += ((ck * _cosPhi[k]) - (sk * _sinPhi[k])) * _epsilon[k];
        }

        return q / (r * r);
    }

    // Length of [z₀ − h, z₀ + h] inside the slab, with `below` = z₀ − zFrom and `above` = zTo − z₀.
    private static double Clip(double h, double below, double above) => Math.Max(0, Math.Min(h, below) + Math.Min(h, above));

    private bool Window(int width, int height, out int x0, out int y0, out int x1, out int y1)
    {
        x0 = Math.Max(PixelBounds.X0, 0);
        y0 = Math.Max(PixelBounds.Y0, 0);
        x1 = Math.Min(PixelBounds.X1, width - 1);
        y1 = Math.Min(PixelBounds.Y1, height - 1);
        return x0 <= x1 && y0 <= y1;
    }

    private static int Index(double position) => (int)Math.Clamp(Math.Floor(position + 0.5), -(1 << 30), 1 << 30);

    private static void RequireImage(int length, int width, int height)
    {
        if (width < 1 || height < 1 || (long)width * height != length)
        {
            throw new ArgumentException($"The image holds {length} pixels, not {width}×{height}.", nameof(length));
        }
    }
}
