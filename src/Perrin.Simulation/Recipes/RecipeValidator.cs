using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Checks a recipe against <see cref="RecipeSchema"/>, whether it was read from YAML or built in code, and
/// compiles its property graph. Problems become <see cref="RecipeException"/>s located through the recipe's source map.
/// </summary>
public static class RecipeValidator
{
    /// <summary>Validates the recipe and returns its compiled property graph.</summary>
    public static PropertyGraph Validate(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var source = recipe.Source ?? new RecipeSourceMap(null);
        CheckImage(recipe.Image, source);
        var sections = Sections(recipe).ToList();
        foreach (var (schema, properties) in sections)
        {
            SectionCheck.Fields(schema.Name, schema, properties, source);
            SectionCheck.Required(schema, properties, source);
        }

        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            SectionCheck.Feature(k, recipe.Sample[k], source);
        }

        AugmentationsCheck.Check(recipe.Image, recipe.Augmentations, source);
        TrainingCheck.Check(recipe.Training, source);

        PropertyGraph graph;
        try
        {
            graph = PropertyGraph.Build(Globals(recipe, sections), Groups(recipe));
        }
        catch (PropertyException error)
        {
            throw source.Error(error.Path, error.Problem);
        }

        CheckNumericalAperture(recipe.Optics, source);
        CheckDensities(recipe, source);
        return graph;
    }

    internal static IEnumerable<(SectionSchema Schema, PropertyMap Properties)> Sections(Recipe recipe)
    {
        yield return (RecipeSchema.Optics, recipe.Optics.Properties);
        if (recipe.Camera is { } camera)
        {
            yield return (RecipeSchema.Camera, camera.Properties);
        }

        if (recipe.Dynamics is { } dynamics)
        {
            yield return (RecipeSchema.Dynamics, dynamics.Properties);
        }

        if (recipe.Labels is { } labels)
        {
            yield return (RecipeSchema.Labels, labels.Properties);
        }

        if (recipe.Augmentations is { } augmentations)
        {
            yield return (RecipeSchema.Augmentations, augmentations.Properties);
        }
    }

    private static IEnumerable<PropertyDefinition> Globals(Recipe recipe, List<(SectionSchema Schema, PropertyMap Properties)> sections)
    {
        yield return new PropertyDefinition("image.width", PropertySpec.FromDouble(recipe.Image.Width));
        yield return new PropertyDefinition("image.height", PropertySpec.FromDouble(recipe.Image.Height));
        foreach (var (schema, properties) in sections)
        {
            foreach (var (key, spec) in properties)
            {
                yield return new PropertyDefinition($"{schema.Name}.{key}", spec, NumericRange(schema.Resolve(key)));
            }
        }
    }

    private static IEnumerable<RepeatedGroup> Groups(Recipe recipe)
    {
        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            var feature = recipe.Sample[k];
            var schema = RecipeSchema.Feature(feature.Type)!;
            var members = feature.Properties.Select(p => new PropertyDefinition(p.Key, p.Value, NumericRange(schema.Resolve(p.Key))));
            yield return new RepeatedGroup($"sample[{k}]", feature.Count, new ValueList<PropertyDefinition>(members));
        }
    }

    private static ValueRange? NumericRange(FieldSchema? field) =>
        field is { Kind: FieldKind.Number or FieldKind.Integer or FieldKind.IndexedNumbers } ? field.Range : null;

    private static void CheckImage(RecipeImage image, RecipeSourceMap source)
    {
        foreach (var (name, value) in new[] { ("width", image.Width), ("height", image.Height) })
        {
            if (value is < 1 or > RecipeSchema.MaxImageSize)
            {
                throw source.Error($"image.{name}", $"image.{name} = {value} must be an integer in [1, {RecipeSchema.MaxImageSize}]");
            }
        }
    }

    private static void CheckNumericalAperture(RecipeOptics optics, RecipeSourceMap source)
    {
        if (optics.Na?.Hull is { } na && optics.MediumIndex?.Hull is { } medium && na.Max > medium.Min)
        {
            var verb = na.Min > medium.Max ? "exceeds" : "can exceed";
            throw source.Error("optics.na",
                $"optics.na = {SpecText.Describe(optics.Na)} {verb} optics.medium_index = {SpecText.Describe(optics.MediumIndex)}; the numerical aperture cannot exceed the medium's index");
        }
    }

    private static void CheckDensities(Recipe recipe, RecipeSourceMap source)
    {
        if (recipe.Optics.PixelSizeNm?.Hull is not { } pixel || double.IsInfinity(pixel.Max))
        {
            return;
        }

        var area = DensitySpec.AreaUm2(recipe.Image.Width, recipe.Image.Height, pixel.Max);
        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            if (recipe.Sample[k].Count is DensitySpec density && density.CheckMean(area) is { } problem)
            {
                throw source.Error($"sample[{k}].count", $"sample[{k}].count: {problem}");
            }
        }
    }
}
