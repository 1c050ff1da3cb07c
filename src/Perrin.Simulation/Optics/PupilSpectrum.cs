using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Optics;

/// <summary>
/// The spectrum S of a pixel-integrated PSF at one depth, for frequencies |kx|, |ky| ≤ HalfWidth (in steps of
/// 1/(M·pixel)): the value in the pixel whose centre lies u pixels from the point is Σₖ S[k]·exp(2πi·k·u/M).
/// Evaluating that sum at shifted positions is the shift theorem: sub-pixel offsets are exact, never interpolated.
/// </summary>
internal sealed class PupilSpectrum
{
    private readonly Complex[] _values;

    private PupilSpectrum(double z, int halfWidth, int period, Complex[] values)
    {
        Z = z;
        HalfWidth = halfWidth;
        Period = period;
        _values = values;
    }

    public double Z { get; }

    public int HalfWidth { get; }

    public int Period { get; }

    private int Side => (2 * HalfWidth) + 1;

    /// <summary>
    /// Intensity: S = OTF·sinc(kx/M)·sinc(ky/M)/M², where the OTF is the transform of |E|² normalized to
    /// Σ|E|² = 1 over the N × N grid. The sinc factors integrate the intensity exactly over the pixel square,
    /// and the pixel values over one period sum to OTF(0) = 1.
    /// </summary>
    public static PupilSpectrum Intensity(PupilSampling sampling, double z)
    {
        int n = sampling.GridSize;
        Complex[] grid = sampling.Pupil(z);
        Fft2D.InverseUnnormalized(grid, n, n);

        // E = (unnormalized inverse transform of P)/N, so by Parseval Σ|E|² = Σ|P|² = 1 over the grid.
        double scale = 1.0 / ((double)n * n);
        for (int i = 0; i < grid.Length; i++)
        {
            Complex e = grid[i];
            grid[i] = new Complex(((e.Real * e.Real) + (e.Imaginary * e.Imaginary)) * scale, 0);
        }

        Fft2D.Forward(grid, n, n);
        return Extract(sampling, z, grid, 2 * sampling.MaxPupilIndex, 1.0 / ((double)sampling.Period * sampling.Period));
    }

    /// <summary>
    /// Field: S = P·sinc(kx/M)·sinc(ky/M)/M with Σ|P|² = 1, the pixel-averaged field scaled so that |value|² is the
    /// fraction of the power per pixel where the field is smooth on the pixel scale.
    /// </summary>
    public static PupilSpectrum Field(PupilSampling sampling, double z) =>
        Extract(sampling, z, sampling.Pupil(z), sampling.MaxPupilIndex, 1.0 / sampling.Period);

    /// <summary>
    /// Values over one whole period for a point at (dx, dy) pixels from pixel (0, 0): element (r, c) of the
    /// M × M result, in transform order, is the pixel r (mod M) rows and c (mod M) columns from pixel (0, 0).
    /// </summary>
    public Complex[] RenderPeriod(double dx, double dy)
    {
        int m = Period;
        int h = HalfWidth;
        var rampX = Ramp(dx);
        var rampY = Ramp(dy);
        var grid = new Complex[m * m];
        for (int ky = -h; ky <= h; ky++)
        {
            int row = PupilSampling.Wrap(ky, m) * m;
            ReadOnlySpan<Complex> source = _values.AsSpan((ky + h) * Side, Side);
            for (int kx = -h; kx <= h; kx++)
            {
                grid[row + PupilSampling.Wrap(kx, m)] += source[kx + h] * rampX[kx + h] * rampY[ky + h];
            }
        }

        Fft2D.InverseUnnormalized(grid, m, m);
        return grid;
    }

    /// <summary>
    /// Values of an intensity spectrum (Hermitian, so the values are real) on a patch × patch window for a grid of sub-pixel offsets: patch (oy, ox), with
    /// oy, ox = 0 … offsetsPerPixel, holds the point at (−½ + ox/K, −½ + oy/K) pixels from the centre pixel
    /// (patch ÷ 2, patch ÷ 2). Patches are stored one after the other, oy major, each row-major.
    /// </summary>
    public void RenderPatches(int patch, int offsetsPerPixel, Span<float> destination)
    {
        int offsets = offsetsPerPixel + 1;
        int side = Side;
        int area = patch * patch;
        var kernelRe = new double[offsets][];
        var kernelIm = new double[offsets][];
        var partialRe = new double[offsets][];
        var partialIm = new double[offsets][];
        for (int o = 0; o < offsets; o++)
        {
            (kernelRe[o], kernelIm[o]) = Kernel(patch, -0.5 + ((double)o / offsetsPerPixel));
            (partialRe[o], partialIm[o]) = SumOverColumnsFrequencies(kernelRe[o], kernelIm[o], patch, HalfWidth);
        }

        var accumulator = new double[patch];
        for (int oy = 0; oy < offsets; oy++)
        {
            double[] eRe = kernelRe[oy];
            double[] eIm = kernelIm[oy];
            for (int ox = 0; ox < offsets; ox++)
            {
                Span<float> target = destination.Slice(((oy * offsets) + ox) * area, area);
                for (int row = 0; row < patch; row++)
                {
                    Array.Clear(accumulator);
                    // The intensity spectrum is Hermitian, so the rows −ky and ky contribute complex conjugates:
                    // sum ky ≥ 0 and count ky > 0 twice.
                    for (int ky = HalfWidth; ky < side; ky++)
                    {
                        int at = ky * patch;
                        double twice = ky == HalfWidth ? 1.0 : 2.0;
                        VectorMath.AddTwoScaled(
                            accumulator, twice * eRe[at + row], partialRe[ox].AsSpan(at, patch), -twice * eIm[at + row], partialIm[ox].AsSpan(at, patch));
                    }

                    Span<float> line = target.Slice(row * patch, patch);
                    for (int col = 0; col < patch; col++)
                    {
                        line[col] = (float)accumulator[col];
                    }
                }
            }
        }
    }

    /// <summary>
    /// Complex values of a field spectrum on the same grid of patches as <see cref="RenderPatches"/>, each
    /// multiplied by <paramref name="phase"/>.
    /// </summary>
    public void RenderFieldPatches(int patch, int offsetsPerPixel, Complex phase, Span<float> real, Span<float> imaginary)
    {
        int offsets = offsetsPerPixel + 1;
        int area = patch * patch;
        var kernelRe = new double[offsets][];
        var kernelIm = new double[offsets][];
        var partialRe = new double[offsets][];
        var partialIm = new double[offsets][];
        for (int o = 0; o < offsets; o++)
        {
            (kernelRe[o], kernelIm[o]) = Kernel(patch, -0.5 + ((double)o / offsetsPerPixel));
            (partialRe[o], partialIm[o]) = SumOverColumnsFrequencies(kernelRe[o], kernelIm[o], patch, 0);
        }

        var sumRe = new double[patch];
        var sumIm = new double[patch];
        for (int oy = 0; oy < offsets; oy++)
        {
            for (int ox = 0; ox < offsets; ox++)
            {
                int start = ((oy * offsets) + ox) * area;
                for (int row = 0; row < patch; row++)
                {
                    Array.Clear(sumRe);
                    Array.Clear(sumIm);
                    for (int ky = 0; ky < Side; ky++)
                    {
                        int at = ky * patch;
                        double er = kernelRe[oy][at + row], ei = kernelIm[oy][at + row];
                        ReadOnlySpan<double> ar = partialRe[ox].AsSpan(at, patch), ai = partialIm[ox].AsSpan(at, patch);
                        VectorMath.AddTwoScaled(sumRe, er, ar, -ei, ai);
                        VectorMath.AddTwoScaled(sumIm, er, ai, ei, ar);
                    }

                    for (int col = 0; col < patch; col++)
                    {
                        Complex value = new Complex(sumRe[col], sumIm[col]) * phase;
                        real[start + (row * patch) + col] = (float)value.Real;
                        imaginary[start + (row * patch) + col] = (float)value.Imaginary;
                    }
                }
            }
        }
    }

    // exp(2πi·k·(j − centre − offset)/M) for k = −h … h (rows) and patch pixel j (columns).
    private (double[] Re, double[] Im) Kernel(int patch, double offset)
    {
        int centre = patch / 2;
        var re = new double[Side * patch];
        var im = new double[Side * patch];
        for (int k = -HalfWidth; k <= HalfWidth; k++)
        {
            for (int j = 0; j < patch; j++)
            {
                (double sin, double cos) = Math.SinCos(2 * Math.PI * k * (j - centre - offset) / Period);
                re[((k + HalfWidth) * patch) + j] = cos;
                im[((k + HalfWidth) * patch) + j] = sin;
            }
        }

        return (re, im);
    }

    // A[ky, j] = Σ_kx S[ky, kx]·kernel[kx, j]: the transform along x, done once per x offset.
    private (double[] Re, double[] Im) SumOverColumnsFrequencies(double[] kernelRe, double[] kernelIm, int patch, int firstRow)
    {
        int side = Side;
        var re = new double[side * patch];
        var im = new double[side * patch];
        for (int ky = firstRow; ky < side; ky++)
        {
            Span<double> rowRe = re.AsSpan(ky * patch, patch);
            Span<double> rowIm = im.AsSpan(ky * patch, patch);
            for (int kx = 0; kx < side; kx++)
            {
                Complex s = _values[(ky * side) + kx];
                if (s == Complex.Zero)
                {
                    continue;
                }

                ReadOnlySpan<double> kRe = kernelRe.AsSpan(kx * patch, patch);
                ReadOnlySpan<double> kIm = kernelIm.AsSpan(kx * patch, patch);
                VectorMath.AddTwoScaled(rowRe, s.Real, kRe, -s.Imaginary, kIm);
                VectorMath.AddTwoScaled(rowIm, s.Real, kIm, s.Imaginary, kRe);
            }
        }

        return (re, im);
    }

    private Complex[] Ramp(double offset)
    {
        var ramp = new Complex[Side];
        for (int k = -HalfWidth; k <= HalfWidth; k++)
        {
            (double sin, double cos) = Math.SinCos(-2 * Math.PI * k * offset / Period);
            ramp[k + HalfWidth] = new Complex(cos, sin);
        }

        return ramp;
    }

    // Outside the support radius (R for the pupil, 2R for its autocorrelation) the grid holds only rounding
    // noise; it is dropped so that those frequencies cost nothing later.
    private static PupilSpectrum Extract(PupilSampling sampling, double z, Complex[] grid, int halfWidth, double scale)
    {
        double support = sampling.PupilRadius * halfWidth / sampling.MaxPupilIndex;
        int n = sampling.GridSize;
        int side = (2 * halfWidth) + 1;
        var values = new Complex[side * side];
        for (int ky = -halfWidth; ky <= halfWidth; ky++)
        {
            double ty = scale * sampling.PixelTransfer(ky);
            int row = PupilSampling.Wrap(ky, n) * n;
            for (int kx = -halfWidth; kx <= halfWidth; kx++)
            {
                if ((double)(kx * kx) + (ky * ky) <= support * support)
                {
                    values[((ky + halfWidth) * side) + kx + halfWidth] = grid[row + PupilSampling.Wrap(kx, n)] * (ty * sampling.PixelTransfer(kx));
                }
            }
        }

        return new PupilSpectrum(z, halfWidth, sampling.Period, values);
    }
}
