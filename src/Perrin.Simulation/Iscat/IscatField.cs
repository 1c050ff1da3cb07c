using System.Numerics;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Iscat;

/// <summary>
/// A coherent PSF scaled for iSCAT: a scatterer of complex peak amplitude s (its field relative to the
/// reference, at its own position, in focus, centred on a pixel) adds s·F(x, y, depth)/|F₀| to the field, where
/// F₀ is the PSF's in-focus centre value for a point at a pixel centre (<see cref="PeakField"/>).
/// For a <see cref="PupilPsf"/> table, the propagation phase depth·⟨2π·n·cos θ/λ⟩ that the pupil field carries is
/// taken out: the iSCAT path phase 4π·n·z/λ, counted from the reflecting interface, replaces it, and the defocus
/// (Gouy) remainder of the pupil field stays. Immutable and safe to share between threads.
/// </summary>
public sealed class IscatField
{
    private readonly PupilPsf? _pupil;

    public IscatField(ICoherentPsf psf, PupilPsf? pupil = null)
    {
        ArgumentNullException.ThrowIfNull(psf);
        Psf = psf;
        _pupil = pupil;
        Span<Complex> centre = [Complex.Zero];
        psf.AddPointField(centre, 1, 1, 0, 0, 0, Complex.One);
        PeakField = centre[0].Magnitude;
        if (!(PeakField > 0))
        {
            throw new ArgumentException("The PSF has no field at its centre in focus.", nameof(psf));
        }
    }

    public ICoherentPsf Psf { get; }

    /// <summary>|F₀|: the PSF's in-focus field at a point on a pixel centre, for amplitude 1.</summary>
    public double PeakField { get; }

    /// <summary>Adds a scatterer of peak amplitude <paramref name="peak"/> at (x, y) pixels and <paramref name="depthNm"/> from focus.</summary>
    public void Add(Span<Complex> field, int width, int height, double x, double y, double depthNm, Complex peak) =>
        Psf.AddPointField(field, width, height, x, y, depthNm, Scaled(peak, depthNm));

    /// <summary>The scatterer's field at its own position when it sits on a pixel centre.</summary>
    public Complex Centre(double depthNm, Complex peak)
    {
        Span<Complex> centre = [Complex.Zero];
        Psf.AddPointField(centre, 1, 1, 0, 0, depthNm, Scaled(peak, depthNm));
        return centre[0];
    }

    private Complex Scaled(Complex peak, double depthNm)
    {
        var scaled = peak / PeakField;
        return _pupil is null ? scaled : scaled * Complex.FromPolarCoordinates(1, -_pupil.ReferencePhase(depthNm));
    }
}
