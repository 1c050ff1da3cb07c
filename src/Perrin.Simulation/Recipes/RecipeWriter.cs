using System.Globalization;
using System.Text;
using Perrin.Core.IO;
using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Writes a recipe as canonical YAML: sections and fields in schema order, Zernike terms by index, numbers in
/// their shortest round-trip form, so that reading the text back gives an equal recipe (and a model file can
/// carry the recipe it was trained on).
/// </summary>
public static class RecipeWriter
{
    public static string Write(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var text = new StringBuilder();
        if (recipe.Name is { } name)
        {
            text.Append("recipe: ").Append(SpecText.Text(name)).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"image: {{ width: {recipe.Image.Width}, height: {recipe.Image.Height} }}\n");
        Section(text, RecipeSchema.Optics, recipe.Optics.Properties);
        if (recipe.Sample.Count == 0)
        {
            text.Append("sample: []\n");
        }
        else
        {
            text.Append("sample:\n");
            foreach (var feature in recipe.Sample)
            {
                text.Append("  - feature: ").Append(SpecText.Text(feature.Type)).Append('\n');
                text.Append("    count: ").Append(SpecText.Describe(feature.Count)).Append('\n');
                var schema = RecipeSchema.Feature(feature.Type) ?? throw new ArgumentException($"unknown feature type '{feature.Type}'", nameof(recipe));
                Fields(text, schema.Fields, feature.Properties, string.Empty, "    ");
            }
        }

        Section(text, RecipeSchema.Camera, recipe.Camera?.Properties);
        Section(text, RecipeSchema.Dynamics, recipe.Dynamics?.Properties);
        Section(text, RecipeSchema.Labels, recipe.Labels?.Properties);
        Section(text, RecipeSchema.Augmentations, recipe.Augmentations?.Properties);
        Section(text, RecipeSchema.Training, recipe.Training?.Properties);
        text.Append(CultureInfo.InvariantCulture, $"seed: {recipe.Seed}\n");
        return text.ToString();
    }

    public static void Write(Recipe recipe, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Write(recipe));
    }

    /// <summary>Writes the recipe to a file atomically (a temporary file renamed into place).</summary>
    public static void WriteFile(Recipe recipe, string path)
    {
        var bytes = new UTF8Encoding(false).GetBytes(Write(recipe));
        AtomicFileWriter.Write(path, stream => stream.Write(bytes));
    }

    private static void Section(StringBuilder text, SectionSchema schema, PropertyMap? properties)
    {
        if (properties is null)
        {
            return;
        }

        if (properties.Count == 0)
        {
            text.Append(schema.Name).Append(": {}\n");
            return;
        }

        text.Append(schema.Name).Append(":\n");
        Fields(text, schema.Fields, properties, string.Empty, "  ");
    }

    private static void Fields(StringBuilder text, IReadOnlyList<FieldSchema> fields, PropertyMap properties, string keyPrefix, string indent)
    {
        foreach (var field in fields)
        {
            var key = keyPrefix + field.Name;
            switch (field.Kind)
            {
                case FieldKind.Group when properties.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)):
                    text.Append(indent).Append(field.Name).Append(":\n");
                    Fields(text, field.Children, properties, key + ".", indent + "  ");
                    break;
                case FieldKind.IndexedNumbers:
                    var terms = properties.Where(p => p.Key.StartsWith(key + ".", StringComparison.Ordinal))
                        .Select(p => (Index: int.Parse(p.Key[(key.Length + 1)..], CultureInfo.InvariantCulture), p.Value))
                        .OrderBy(t => t.Index)
                        .ToList();
                    if (terms.Count > 0)
                    {
                        text.Append(indent).Append(field.Name).Append(":\n");
                        foreach (var (index, spec) in terms)
                        {
                            text.Append(indent).Append("  ").Append(index.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(SpecText.Describe(spec)).Append('\n');
                        }
                    }

                    break;
                case not FieldKind.Group when properties.TryGetValue(key, out var spec):
                    text.Append(indent).Append(field.Name).Append(": ").Append(SpecText.Describe(spec)).Append('\n');
                    break;
            }
        }
    }
}
