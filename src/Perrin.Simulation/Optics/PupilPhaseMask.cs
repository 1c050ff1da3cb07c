namespace Perrin.Simulation.Optics;

/// <summary>A phase added across the pupil to shape the PSF in 3D (PSF engineering).</summary>
public abstract record PupilPhaseMask
{
    /// <summary>Phase in radians at normalized pupil radius ρ ∈ [0, 1] (1 = NA) and azimuth θ (from +x towards +y).</summary>
    public abstract double PhaseRadians(double rho, double theta);
}
