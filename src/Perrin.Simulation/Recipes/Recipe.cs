using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// A validated simulation recipe. Compares by value; <see cref="Source"/> (where it was read from) is not part
/// of its value, so a recipe read from YAML equals the same recipe built in code.
/// </summary>
public sealed record Recipe(
    string? Name,
    RecipeImage Image,
    RecipeOptics Optics,
    ValueList<RecipeFeature> Sample,
    RecipeCamera? Camera,
    RecipeDynamics? Dynamics,
    RecipeLabels? Labels,
    RecipeAugmentations? Augmentations,
    ulong Seed)
{
    /// <summary>The file and the lines the recipe was read from; null for a recipe built in code.</summary>
    public RecipeSourceMap? Source { get; init; }

    /// <summary>How to train a network on this recipe; null when the recipe does not say.</summary>
    public RecipeTraining? Training { get; init; }

    public static RecipeBuilder Create(string? name = null) => new(name);

    public bool Equals(Recipe? other) =>
        other is not null
        && Name == other.Name
        && Image == other.Image
        && Optics == other.Optics
        && Sample.Equals(other.Sample)
        && Camera == other.Camera
        && Dynamics == other.Dynamics
        && Labels == other.Labels
        && Augmentations == other.Augmentations
        && Training == other.Training
        && Seed == other.Seed;

    public override int GetHashCode() => HashCode.Combine(Name, Image, Optics, Sample, Camera, Dynamics, Labels, HashCode.Combine(Augmentations, Training, Seed));
}
