using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// One entry of the sample list: a feature type, how many copies (a constant, a distribution, an expression or a
/// <see cref="DensitySpec"/>), and the properties each copy draws (keys as in <see cref="RecipeSchema.Feature"/>).
/// </summary>
public sealed record RecipeFeature(string Type, PropertySpec Count, PropertyMap Properties);
