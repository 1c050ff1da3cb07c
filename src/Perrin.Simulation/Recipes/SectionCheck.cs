using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Field-by-field checks of a section against its schema: known names, the right kind of value, required fields.</summary>
internal static class SectionCheck
{
    public static void Fields(string prefix, SectionSchema schema, PropertyMap properties, RecipeSourceMap source)
    {
        foreach (var (key, spec) in properties)
        {
            var path = $"{prefix}.{key}";
            var field = schema.Resolve(key) ?? throw Unknown(prefix, schema, key, source);
            switch (field.Kind)
            {
                case FieldKind.Choice when spec is not ConstantSpec { Value.Kind: PropertyValueKind.Text } c || !field.Choices.Contains(c.Value.Text!):
                    var text = spec is ConstantSpec { Value.Kind: PropertyValueKind.Text } named ? named.Value.Text! : string.Empty;
                    var guess = Suggestions.Closest(text, field.Choices);
                    throw source.Error(path,
                        $"{path} = {SpecText.Describe(spec)} must be one of {string.Join(", ", field.Choices)}{(guess is null ? string.Empty : $" (did you mean {guess}?)")}");
                case FieldKind.Boolean when spec is not ConstantSpec { Value.Kind: PropertyValueKind.Boolean }:
                    throw source.Error(path, $"{path} = {SpecText.Describe(spec)} must be true or false");
                case FieldKind.Number or FieldKind.Integer or FieldKind.IndexedNumbers when !MayBeNumber(spec):
                    throw source.Error(path, $"{path} = {SpecText.Describe(spec)} must be {field.Range}, a distribution of numbers or an expression");
            }
        }
    }

    public static void Required(SectionSchema schema, PropertyMap properties, RecipeSourceMap source)
    {
        var missing = schema.Fields.Where(f => f.Required && !properties.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            var required = string.Join(", ", schema.Fields.Where(f => f.Required).Select(f => f.Name));
            throw source.Error(schema.Name, $"{schema.Name} is missing {string.Join(", ", missing)}; it needs {required}");
        }
    }

    public static void Feature(int index, RecipeFeature feature, RecipeSourceMap source)
    {
        var prefix = $"sample[{index}]";
        var schema = RecipeSchema.Feature(feature.Type);
        if (schema is null)
        {
            var guess = Suggestions.Closest(feature.Type, RecipeSchema.FeatureTypes);
            throw source.Error($"{prefix}.feature",
                $"{prefix}.feature = {SpecText.Text(feature.Type)} is not a feature type{(guess is null ? string.Empty : $" (did you mean {guess}?)")}; known: {string.Join(", ", RecipeSchema.FeatureTypes)}");
        }

        if (!MayBeNumber(feature.Count))
        {
            throw source.Error($"{prefix}.count", $"{prefix}.count = {SpecText.Describe(feature.Count)} must be a number of copies, a distribution, an expression or {{ density_per_um2: d }}");
        }

        if (feature.Properties.Keys.FirstOrDefault(k => k is "feature" or "count") is { } reserved)
        {
            throw source.Error($"{prefix}.{reserved}", $"{prefix}.{reserved} is not a property: set it as the feature's {reserved}");
        }

        Fields(prefix, schema, feature.Properties, source);
    }

    private static bool MayBeNumber(PropertySpec spec) =>
        spec is not ConstantSpec { Value.IsNumber: false } && (spec is not ChoiceSpec || spec.Hull is not null);

    private static RecipeException Unknown(string prefix, SectionSchema schema, string key, RecipeSourceMap source)
    {
        var parts = key.Split('.');
        var fields = schema.Fields;
        var at = prefix;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var field = fields.FirstOrDefault(f => f.Name == part);
            if (field is null || field.Kind is not (FieldKind.Group or FieldKind.IndexedNumbers))
            {
                var allowed = (prefix.StartsWith("sample[", StringComparison.Ordinal) && at == prefix ? ["feature", "count"] : Array.Empty<string>())
                    .Concat(fields.Select(f => f.Name)).ToList();
                return UnknownField($"{at}.{part}", part, at, allowed, source);
            }

            at = $"{at}.{part}";
            if (field.Kind == FieldKind.IndexedNumbers)
            {
                var rest = string.Join('.', parts.Skip(i + 1));
                return source.Error(at, $"{at} takes keys that are integers in [{field.KeyRange!.Min}, {field.KeyRange.Max}]; '{rest}' is not one");
            }

            fields = field.Children;
        }

        return source.Error($"{prefix}.{key}", $"{prefix}.{key} is a group of fields, not a value");
    }

    internal static RecipeException UnknownField(string path, string name, string parent, IReadOnlyList<string> allowed, RecipeSourceMap source)
    {
        var guess = Suggestions.Closest(name, allowed);
        var hint = guess is null ? string.Empty : $" (did you mean {guess}?)";
        return source.Error(path, $"unknown field {path}{hint}; {(parent.Length == 0 ? "a recipe" : parent)} allows {string.Join(", ", allowed)}");
    }
}
