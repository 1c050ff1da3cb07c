using Perrin.Core.Randomness;
using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Draws the properties of a recipe's samples. Sample i uses the stream (recipe seed, i, <see cref="Purpose"/>),
/// so a sample's values depend only on the recipe and i, never on which samples were drawn before or on which thread.
/// A sampler is immutable and may be shared between threads.
/// </summary>
public sealed class RecipeSampler
{
    public static readonly ulong Purpose = StablePathHash.Of("perrin.recipe.properties");

    private readonly RecipeSourceMap _source;

    public RecipeSampler(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        Recipe = recipe;
        Graph = RecipeValidator.Validate(recipe);
        _source = recipe.Source ?? new RecipeSourceMap(null);
    }

    public Recipe Recipe { get; }

    public PropertyGraph Graph { get; }

    public ResolvedProperties Resolve(ulong sampleIndex) => Resolve(new RandomStream(Recipe.Seed, sampleIndex, Purpose));

    /// <summary>Resolves from a given sample stream; a value that comes out invalid is a <see cref="RecipeException"/> at its field.</summary>
    public ResolvedProperties Resolve(RandomStream sample)
    {
        ResolvedProperties resolved;
        try
        {
            resolved = Graph.Resolve(sample);
        }
        catch (PropertyException error)
        {
            throw _source.Error(error.Path, error.Problem);
        }

        var na = resolved.Number("optics.na");
        var medium = resolved.Number("optics.medium_index");
        if (na > medium)
        {
            throw _source.Error("optics.na",
                $"optics.na = {SpecText.Number(na)} was drawn above optics.medium_index = {SpecText.Number(medium)}; the numerical aperture cannot exceed the medium's index");
        }

        return resolved;
    }
}
