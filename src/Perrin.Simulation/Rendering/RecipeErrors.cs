using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Rendering;

/// <summary>Errors the pipeline finds in a valid-looking recipe, located at the field they concern.</summary>
internal static class RecipeErrors
{
    public static RecipeException At(Recipe recipe, string path, string problem) =>
        new(recipe.Source?.FilePath, recipe.Source?.Find(path), path, problem);
}
