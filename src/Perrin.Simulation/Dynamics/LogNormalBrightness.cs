using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>Log-normal photon counts: log-variance ln(1 + cv²) and log-mean ln(mean) − ½·log-variance, which keeps the mean.</summary>
public sealed class LogNormalBrightness : PhotonBrightness
{
    private readonly double _logMean;
    private readonly double _logSigma;

    internal LogNormalBrightness(double meanPhotons, double coefficientOfVariation)
        : base(meanPhotons)
    {
        CheckVariation(coefficientOfVariation);
        CoefficientOfVariation = coefficientOfVariation;
        var logVariance = Math.Log(1 + (coefficientOfVariation * coefficientOfVariation));
        _logSigma = Math.Sqrt(logVariance);
        _logMean = Math.Log(meanPhotons) - (0.5 * logVariance);
    }

    public double CoefficientOfVariation { get; }

    public override double Draw(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Exp(_logMean + (_logSigma * random.Normal()));
    }
}
