using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Optics;

/// <summary>
/// The sampled pupil of a <see cref="PupilModel"/> and the grids it lives on.
/// Frequencies are spaced 1/(M·pixel), so every field and intensity computed from the pupil is periodic over
/// M × M pixels (the period). M is a power of two from 128 to 1024, chosen so that the pupil radius
/// R = NA/λ·M·pixel spans at least 32 samples (a well-resolved disc). The field is computed on an N × N grid
/// with N ≥ 4⌊R⌋ + 2, so the intensity, whose spectrum reaches 2R, is sampled without aliasing.
/// </summary>
internal sealed class PupilSampling
{
    private const int MinPeriod = 128;
    private const int MaxPeriod = 1024;
    private const double MinPupilRadiusSamples = 32;

    // Beyond this the pixel is over twice the Abbe limit λ/(2NA) and a pupil model is the wrong tool.
    private const double MaxCutoffTimesPixel = 2.0;

    private readonly int[] _gridIndex;
    private readonly double[] _amplitude;
    private readonly double[] _staticPhase;
    private readonly double[] _axialWavenumber;

    public PupilSampling(PupilModel model)
    {
        OpticalSystem system = model.System;
        double cutoffTimesPixel = system.CutoffFrequencyPerNm * system.PixelSizeNm;
        if (cutoffTimesPixel > MaxCutoffTimesPixel)
        {
            throw new ArgumentException(
                $"The pixel ({system.PixelSizeNm} nm) is more than {MaxCutoffTimesPixel} × λ/NA; the pupil model cannot sample it. Use GaussianPsf or AiryPsf.",
                nameof(model));
        }

        int period = MinPeriod;
        while (cutoffTimesPixel * period < MinPupilRadiusSamples && period < MaxPeriod)
        {
            period *= 2;
        }

        Period = period;
        PupilRadius = cutoffTimesPixel * period;
        if (PupilRadius < 4)
        {
            throw new ArgumentException(
                $"The pixel ({system.PixelSizeNm} nm) is too small for λ/NA = {1 / system.CutoffFrequencyPerNm:G4} nm: the pupil would span fewer than 4 samples of a {MaxPeriod}-pixel period.",
                nameof(model));
        }

        MaxPupilIndex = (int)Math.Floor(PupilRadius);
        GridSize = (int)Math.Max(16, BitOperations.RoundUpToPowerOf2((uint)((4 * MaxPupilIndex) + 2)));

        var index = new List<int>();
        var amplitude = new List<double>();
        var phase = new List<double>();
        var kz = new List<double>();
        double lambda = system.WavelengthNm;
        double n = system.MediumIndex;
        double frequencyStep = 1.0 / (period * system.PixelSizeNm);
        for (int ky = -MaxPupilIndex; ky <= MaxPupilIndex; ky++)
        {
            for (int kx = -MaxPupilIndex; kx <= MaxPupilIndex; kx++)
            {
                double radius = Math.Sqrt((double)(kx * kx) + (ky * ky));
                if (radius > PupilRadius)
                {
                    continue;
                }

                double rho = radius / PupilRadius;
                double theta = Math.Atan2(ky, kx);
                double f = radius * frequencyStep;
                double sinTheta = lambda * f / n;
                double cosTheta = Math.Sqrt(Math.Max(0.0, 1.0 - (sinTheta * sinTheta)));

                // The aplanatic factor diverges at 90°, reachable only when NA equals n; cap it there.
                amplitude.Add(model.Apodization == Apodization.Aplanatic ? 1.0 / Math.Sqrt(Math.Max(cosTheta, 1e-3)) : 1.0);
                phase.Add(StaticPhase(model, rho, theta));
                kz.Add(2 * Math.PI * n / lambda * cosTheta);
                index.Add((Wrap(ky, GridSize) * GridSize) + Wrap(kx, GridSize));
            }
        }

        _gridIndex = [.. index];
        _amplitude = [.. amplitude];
        _staticPhase = [.. phase];
        _axialWavenumber = [.. kz];
        double power = _amplitude.Sum(a => a * a);
        for (int i = 0; i < _amplitude.Length; i++)
        {
            _amplitude[i] /= Math.Sqrt(power);
            MeanAxialWavenumber += _amplitude[i] * _amplitude[i] * _axialWavenumber[i];
        }
    }

    /// <summary>Power-weighted mean of 2π·n·cos θ/λ over the pupil, radians per nm: the mean phase advance with z.</summary>
    public double MeanAxialWavenumber { get; }

    /// <summary>M: the period of the computed PSF, in pixels.</summary>
    public int Period { get; }

    /// <summary>N: the side of the grid on which field and intensity are computed.</summary>
    public int GridSize { get; }

    /// <summary>R: the pupil radius in frequency samples.</summary>
    public double PupilRadius { get; }

    public int MaxPupilIndex { get; }

    /// <summary>
    /// Pupil function at depth z (nm) on the N × N grid in transform order, with Σ|P|² = 1.
    /// Defocus adds exp(i·2π·z·√((n/λ)² − f²)): the plane-wave components of a point z further from the objective
    /// travel z·cos θ further, including the common on-axis phase 2π·n·z/λ.
    /// </summary>
    public Complex[] Pupil(double z)
    {
        var pupil = new Complex[GridSize * GridSize];
        for (int i = 0; i < _gridIndex.Length; i++)
        {
            (double sin, double cos) = Math.SinCos(_staticPhase[i] + (_axialWavenumber[i] * z));
            pupil[_gridIndex[i]] = new Complex(_amplitude[i] * cos, _amplitude[i] * sin);
        }

        return pupil;
    }

    /// <summary>sinc(k/M) = sin(πk/M)/(πk/M): the transfer function of integration over one pixel.</summary>
    public double PixelTransfer(int k)
    {
        if (k == 0)
        {
            return 1.0;
        }

        double u = Math.PI * k / Period;
        return Math.Sin(u) / u;
    }

    internal static int Wrap(int k, int n) => ((k % n) + n) % n;

    private static double StaticPhase(PupilModel model, double rho, double theta)
    {
        double phase = model.Mask?.PhaseRadians(rho, theta) ?? 0.0;
        foreach (ZernikeTerm term in model.Aberrations)
        {
            phase += 2 * Math.PI * term.RmsNm / model.System.WavelengthNm * Zernike.Evaluate(term.Noll, rho, theta);
        }

        return phase;
    }
}
