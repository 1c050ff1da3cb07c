using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// How many photons a fluorophore sends into the objective when On for a whole exposure, drawn afresh each frame
/// (molecule-to-molecule and frame-to-frame brightness variation around a mean).
/// </summary>
public abstract class PhotonBrightness
{
    private protected PhotonBrightness(double meanPhotons)
    {
        if (!(meanPhotons >= 0) || double.IsInfinity(meanPhotons))
        {
            throw new ArgumentOutOfRangeException(nameof(meanPhotons), $"the mean photon count must be finite and not negative, not {meanPhotons}");
        }

        MeanPhotons = meanPhotons;
    }

    public double MeanPhotons { get; }

    public static PhotonBrightness Constant(double meanPhotons) => new ConstantBrightness(meanPhotons);

    /// <summary>Gamma distributed with the given mean and coefficient of variation (sd / mean).</summary>
    public static PhotonBrightness Gamma(double meanPhotons, double coefficientOfVariation) => new GammaBrightness(meanPhotons, coefficientOfVariation);

    /// <summary>Log-normally distributed with the given mean and coefficient of variation (sd / mean).</summary>
    public static PhotonBrightness LogNormal(double meanPhotons, double coefficientOfVariation) => new LogNormalBrightness(meanPhotons, coefficientOfVariation);

    public abstract double Draw(RandomStream random);

    private protected static void CheckVariation(double coefficientOfVariation)
    {
        if (!(coefficientOfVariation > 0) || coefficientOfVariation > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(coefficientOfVariation), $"the coefficient of variation must lie in (0, 100], not {coefficientOfVariation}");
        }
    }
}
