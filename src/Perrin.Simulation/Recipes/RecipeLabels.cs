using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>The training target: keys as in <see cref="RecipeSchema.Labels"/>.</summary>
public sealed record RecipeLabels(PropertyMap Properties)
{
    public string? Form => RecipeSection.Name(Properties, "form");
}
