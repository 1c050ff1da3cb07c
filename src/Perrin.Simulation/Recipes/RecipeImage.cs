namespace Perrin.Simulation.Recipes;

/// <summary>The simulated image: width and height in pixels.</summary>
public sealed record RecipeImage(int Width, int Height);
