namespace Perrin.Simulation.Properties;

public static class PropertyLimits
{
    /// <summary>The most copies a repeated feature may have in one sample: beyond it a recipe is a mistake, not a simulation.</summary>
    public const int MaxCount = 10_000_000;
}
