using System.Buffers;
using System.Numerics;

namespace Perrin.Core.Maths;

/// <summary>
/// Arbitrary-length transform as a circular convolution with a chirp (Bluestein), carried out by power-of-two
/// transforms of at least 2n − 1 samples.
/// </summary>
internal sealed class BluesteinPlan : IFftPlan
{
    private readonly Complex[] _chirp;
    private readonly Complex[] _kernelSpectrum;
    private readonly Radix2Plan _inner;

    public BluesteinPlan(int length, Radix2Plan inner)
    {
        Length = length;
        _inner = inner;
        int m = inner.Length;
        _chirp = new Complex[length];
        long period = 2L * length;
        for (int k = 0; k < length; k++)
        {
            // k² is reduced modulo 2n first so that the angle stays small and accurate for large k.
            long k2 = (long)k * k % period;
            double angle = -Math.PI * k2 / length;
            _chirp[k] = new Complex(Math.Cos(angle), Math.Sin(angle));
        }

        _kernelSpectrum = new Complex[m];
        _kernelSpectrum[0] = Complex.Conjugate(_chirp[0]);
        for (int k = 1; k < length; k++)
        {
            Complex c = Complex.Conjugate(_chirp[k]);
            _kernelSpectrum[k] = c;
            _kernelSpectrum[m - k] = c;
        }

        inner.Transform(_kernelSpectrum, inverse: false);
    }

    public int Length { get; }

    public void Transform(Span<Complex> data, bool inverse)
    {
        if (data.Length != Length)
        {
            throw new ArgumentException($"Expected {Length} samples, got {data.Length}.", nameof(data));
        }

        int m = _inner.Length;
        Complex[] rented = ArrayPool<Complex>.Shared.Rent(m);
        try
        {
            Span<Complex> work = rented.AsSpan(0, m);
            for (int k = 0; k < Length; k++)
            {
                Complex x = inverse ? Complex.Conjugate(data[k]) : data[k];
                work[k] = x * _chirp[k];
            }

            work[Length..].Clear();
            _inner.Transform(work, inverse: false);
            for (int k = 0; k < m; k++)
            {
                work[k] *= _kernelSpectrum[k];
            }

            _inner.Transform(work, inverse: true);
            double scale = 1.0 / m;
            for (int k = 0; k < Length; k++)
            {
                Complex y = work[k] * _chirp[k] * scale;
                data[k] = inverse ? Complex.Conjugate(y) : y;
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(rented);
        }
    }
}
