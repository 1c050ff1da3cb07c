using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>Gamma-distributed photon counts: shape 1/cv², scale mean·cv².</summary>
public sealed class GammaBrightness : PhotonBrightness
{
    internal GammaBrightness(double meanPhotons, double coefficientOfVariation)
        : base(meanPhotons)
    {
        CheckVariation(coefficientOfVariation);
        CoefficientOfVariation = coefficientOfVariation;
    }

    public double CoefficientOfVariation { get; }

    public override double Draw(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (MeanPhotons == 0)
        {
            return 0;
        }

        var cv2 = CoefficientOfVariation * CoefficientOfVariation;
        return random.Gamma(1 / cv2, MeanPhotons * cv2);
    }
}
