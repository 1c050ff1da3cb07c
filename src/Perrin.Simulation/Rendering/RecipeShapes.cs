using Perrin.Simulation.Recipes;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>The <see cref="IShape"/> of a recipe's extended bodies (sphere, ellipse, ellipsoid, cell), from their truth.</summary>
public sealed class RecipeShapes
{
    private readonly Recipe _recipe;

    public RecipeShapes(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        _recipe = recipe;
    }

    /// <summary>
    /// The body of one particle: position in pixels of the image it is drawn on, z and sizes in nm.
    /// Throws a <see cref="RecipeException"/> located at the particle's feature when its kind has no shape.
    /// </summary>
    public IShape CreateShape(ParticleTruth p, double pixelSizeNm)
    {
        var feature = $"sample[{Math.Max(p.Feature, 0)}]";
        if (!TruthShapes.IsExtended(p.Kind))
        {
            throw RecipeErrors.At(_recipe, feature, $"{feature} is a {p.Kind.FeatureName()}, which has no body shape");
        }

        try
        {
            return TruthShapes.For(p, pixelSizeNm);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(_recipe, feature, $"{feature}: {error.Message}");
        }
    }
}
