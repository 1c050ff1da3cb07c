using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>The detector: keys as in <see cref="RecipeSchema.Camera"/>; fields not given come from the preset.</summary>
public sealed record RecipeCamera(PropertyMap Properties)
{
    public string? Preset => RecipeSection.Name(Properties, "preset");
}
