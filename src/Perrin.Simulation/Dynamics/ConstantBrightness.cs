using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>The same photon count every frame.</summary>
public sealed class ConstantBrightness : PhotonBrightness
{
    internal ConstantBrightness(double meanPhotons)
        : base(meanPhotons)
    {
    }

    public override double Draw(RandomStream random) => MeanPhotons;
}
