namespace Perrin.Simulation.Optics;

/// <summary>One aberration: Noll index and the RMS wavefront error of that term, in nm (phase = 2π·RmsNm/λ·Z_j).</summary>
public readonly record struct ZernikeTerm
{
    public ZernikeTerm(int noll, double rmsNm)
    {
        if (noll < 1 || noll > Zernike.MaxNoll)
        {
            throw new ArgumentException($"The Noll index must be between 1 and {Zernike.MaxNoll}, got {noll}.", nameof(noll));
        }

        if (!double.IsFinite(rmsNm))
        {
            throw new ArgumentException($"The Zernike amplitude must be finite, got {rmsNm}.", nameof(rmsNm));
        }

        Noll = noll;
        RmsNm = rmsNm;
    }

    public int Noll { get; }

    public double RmsNm { get; }
}
