using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Motion and photophysics between frames: keys as in <see cref="RecipeSchema.Dynamics"/>.</summary>
public sealed record RecipeDynamics(PropertyMap Properties)
{
    public string? Model => RecipeSection.Name(Properties, "model");
}
