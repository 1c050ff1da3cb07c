using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Simulation.Optics;

/// <summary>
/// The field counterpart of <see cref="PsfTable"/> for a <see cref="PupilPsf"/>: pixel-averaged field patches on
/// a grid of sub-pixel offsets and depths, interpolated bilinearly in (x, y) and linearly in z. The mean
/// propagation phase z·⟨2π·n·cos θ/λ⟩ is removed before tabulating and restored exactly when drawing, so the
/// interpolation in z only follows the slower remainder; depth steps of about λ/(10·n) keep it within 1%. Immutable and safe to share between threads.
/// </summary>
public sealed class CoherentPsfTable : ICoherentPsf
{
    private readonly float[] _real;
    private readonly float[] _imaginary;
    private readonly double[] _depths;
    private readonly PupilPsf _source;

    private CoherentPsfTable(PupilPsf source, int patchSize, int offsetsPerPixel, double[] depths, float[] real, float[] imaginary)
    {
        _source = source;
        PatchSize = patchSize;
        OffsetsPerPixel = offsetsPerPixel;
        _depths = depths;
        _real = real;
        _imaginary = imaginary;
    }

    public int PatchSize { get; }

    public int OffsetsPerPixel { get; }

    public IReadOnlyList<double> DepthsNm => _depths;

    /// <summary>Builds the table; the patch size must be given (<see cref="PsfTableOptions.PatchSize"/> ≠ 0).</summary>
    public static CoherentPsfTable Build(PupilPsf source, PsfTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int patch = options.PatchSize;
        if (patch == 0 || patch > source.PeriodPixels - 1)
        {
            throw new ArgumentException($"A field table needs an explicit patch size from 1 to {source.PeriodPixels - 1} pixels, got {patch}.", nameof(options));
        }

        double[] depths = options.Depths();
        int offsets = options.OffsetsPerPixel + 1;
        long slab = (long)offsets * offsets * patch * patch;
        if (slab * depths.Length > Array.MaxLength)
        {
            throw new ArgumentException($"A table of {slab * depths.Length} samples is too large; use fewer depths, offsets or a smaller patch.", nameof(options));
        }

        var real = new float[slab * depths.Length];
        var imaginary = new float[slab * depths.Length];
        Parallel.For(0, depths.Length, zi => source.RenderFieldPatchGrid(
            depths[zi], patch, options.OffsetsPerPixel, real.AsSpan((int)(zi * slab), (int)slab), imaginary.AsSpan((int)(zi * slab), (int)slab)));
        return new CoherentPsfTable(source, patch, options.OffsetsPerPixel, depths, real, imaginary);
    }

    public void AddPointField(Span<Complex> field, int width, int height, double x, double y, double z, Complex amplitude)
    {
        ImageWindow.RequireImage(field.Length, width, height);
        if (!double.IsFinite(z))
        {
            throw new ArgumentException($"The depth z must be finite, got {z}.", nameof(z));
        }

        long cx = ImageWindow.Nearest(x);
        long cy = ImageWindow.Nearest(y);
        int half = PatchSize / 2;
        var window = ImageWindow.Clip(cx - half, cy - half, PatchSize, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        var grid = new TableGrid(OffsetsPerPixel, _depths);
        (int ox, double ax) = grid.Cell(x - cx);
        (int oy, double ay) = grid.Cell(y - cy);
        (int zi, double az) = grid.DepthCell(z);
        Complex a = amplitude * Complex.FromPolarCoordinates(1, _source.ReferencePhase(z));
        Span<double> target = MemoryMarshal.Cast<Complex, double>(field);
        AddSlab(target, width, window, cx - half, cy - half, grid.Corners(zi, ox, oy, ax, ay, 1 - az), a);
        if (az > 0)
        {
            AddSlab(target, width, window, cx - half, cy - half, grid.Corners(zi + 1, ox, oy, ax, ay, az), a);
        }
    }

    private void AddSlab(Span<double> target, int width, ImageWindow window, long left, long top, PatchCorners corners, Complex a)
    {
        int area = PatchSize * PatchSize;
        int columns = window.EndColumn - window.FirstColumn;
        int firstPatchColumn = (int)(window.FirstColumn - left);
        for (int row = window.FirstRow; row < window.EndRow; row++)
        {
            int at = ((int)(row - top) * PatchSize) + firstPatchColumn;
            var line = target.Slice(2 * ((row * width) + window.FirstColumn), 2 * columns);
            AddRow(line, _real, _imaginary, area, at, corners, a, Avx.IsSupported);
        }
    }

    /// <summary>
    /// Adds a·(bilinear blend of the four corner patches' row) to <paramref name="line"/>, interleaved complex. The
    /// vector path does each column's products and sums in the scalar path's order, without fusing, so both give the
    /// same bits.
    /// </summary>
    internal static void AddRow(Span<double> line, float[] real, float[] imaginary, int area, int at, PatchCorners corners, Complex a, bool vector)
    {
        int columns = line.Length / 2;
        ReadOnlySpan<float> r0 = real.AsSpan((corners.P00 * area) + at, columns), i0 = imaginary.AsSpan((corners.P00 * area) + at, columns);
        ReadOnlySpan<float> r1 = real.AsSpan((corners.P01 * area) + at, columns), i1 = imaginary.AsSpan((corners.P01 * area) + at, columns);
        ReadOnlySpan<float> r2 = real.AsSpan((corners.P10 * area) + at, columns), i2 = imaginary.AsSpan((corners.P10 * area) + at, columns);
        ReadOnlySpan<float> r3 = real.AsSpan((corners.P11 * area) + at, columns), i3 = imaginary.AsSpan((corners.P11 * area) + at, columns);
        double w0 = corners.W00, w1 = corners.W01, w2 = corners.W10, w3 = corners.W11;
        int c = 0;
        if (vector)
        {
            var (vw0, vw1, vw2, vw3) = (Vector256.Create(w0), Vector256.Create(w1), Vector256.Create(w2), Vector256.Create(w3));
            var (ar, ai) = (Vector256.Create(a.Real), Vector256.Create(a.Imaginary));
            ref double output = ref MemoryMarshal.GetReference(line);
            for (; c + 4 <= columns; c += 4)
            {
                var re = (vw0 * Widen(r0, c)) + (vw1 * Widen(r1, c)) + (vw2 * Widen(r2, c)) + (vw3 * Widen(r3, c));
                var im = (vw0 * Widen(i0, c)) + (vw1 * Widen(i1, c)) + (vw2 * Widen(i2, c)) + (vw3 * Widen(i3, c));
                var outRe = (ar * re) - (ai * im);
                var outIm = (ar * im) + (ai * re);

                // (re0 im0 re2 im2) and (re1 im1 re3 im3), then their halves in column order.
                var low = Avx.UnpackLow(outRe, outIm);
                var high = Avx.UnpackHigh(outRe, outIm);
                ref double at0 = ref Unsafe.Add(ref output, 2 * c);
                (Vector256.LoadUnsafe(ref at0) + Avx.Permute2x128(low, high, 0x20)).StoreUnsafe(ref at0);
                ref double at1 = ref Unsafe.Add(ref at0, 4);
                (Vector256.LoadUnsafe(ref at1) + Avx.Permute2x128(low, high, 0x31)).StoreUnsafe(ref at1);
            }
        }

        for (; c < columns; c++)
        {
            double re = (w0 * r0[c]) + (w1 * r1[c]) + (w2 * r2[c]) + (w3 * r3[c]);
            double im = (w0 * i0[c]) + (w1 * i1[c]) + (w2 * i2[c]) + (w3 * i3[c]);
            line[2 * c] += (a.Real * re) - (a.Imaginary * im);
            line[(2 * c) + 1] += (a.Real * im) + (a.Imaginary * re);
        }
    }

    // Four floats from column c on, as doubles.
    private static Vector256<double> Widen(ReadOnlySpan<float> values, int c) =>
        Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref Unsafe.Add(ref MemoryMarshal.GetReference(values), c)));
}
