using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Shared reading of a section's properties; each section keeps its fields as named property specs.</summary>
internal static class RecipeSection
{
    public static string? Name(PropertyMap properties, string key) =>
        properties.TryGetValue(key, out var spec) && spec is ConstantSpec { Value.Kind: PropertyValueKind.Text } constant ? constant.Value.Text : null;

    public static PropertySpec? Spec(PropertyMap properties, string key) => properties.TryGetValue(key, out var spec) ? spec : null;
}
