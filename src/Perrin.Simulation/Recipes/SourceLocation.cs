namespace Perrin.Simulation.Recipes;

/// <summary>A 1-based line and column in a recipe file.</summary>
public readonly record struct SourceLocation(int Line, int Column);
