using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Random changes applied to each sample after rendering: keys as in <see cref="RecipeSchema.Augmentations"/>.</summary>
public sealed record RecipeAugmentations(PropertyMap Properties);
