using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public static class Density
{
    /// <summary>A Poisson count with mean = density × field area (see <see cref="DensitySpec"/>).</summary>
    public static PropertySpec PerUm2(double density) => new DensitySpec(density);
}
