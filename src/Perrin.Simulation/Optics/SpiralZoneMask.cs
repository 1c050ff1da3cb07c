namespace Perrin.Simulation.Optics;

/// <summary>
/// A rotating-PSF mask: the pupil is cut into <see cref="Zones"/> rings of equal area (Fresnel zones, bounded by
/// ρ² = l/L) and ring l carries a vortex of charge l·<see cref="ChargeStep"/>, phase = l·step·θ (Prasad 2013).
/// Defocus adds a phase that grows linearly from ring to ring, which turns the pattern about the axis; a charge
/// step of 2 gives two lobes (double-helix-like), 1 a single lobe. The rotation is about z·NA²/(n·λ·step·L)·π rad.
/// </summary>
public sealed record SpiralZoneMask : PupilPhaseMask
{
    public SpiralZoneMask(int zones, int chargeStep = 2)
    {
        if (zones < 1 || zones > 64)
        {
            throw new ArgumentException($"The number of zones must be between 1 and 64, got {zones}.", nameof(zones));
        }

        if (chargeStep < 1 || chargeStep > 8)
        {
            throw new ArgumentException($"The charge step must be between 1 and 8, got {chargeStep}.", nameof(chargeStep));
        }

        Zones = zones;
        ChargeStep = chargeStep;
    }

    public int Zones { get; }

    public int ChargeStep { get; }

    public override double PhaseRadians(double rho, double theta)
    {
        int zone = Math.Min(Zones, (int)(rho * rho * Zones) + 1);
        return zone * ChargeStep * theta;
    }
}
