namespace Perrin.Simulation.Properties;

/// <summary>A property to resolve: its path, its spec, and the numbers it accepts (null: anything).</summary>
public sealed record PropertyDefinition(string Path, PropertySpec Spec, ValueRange? Range = null);
