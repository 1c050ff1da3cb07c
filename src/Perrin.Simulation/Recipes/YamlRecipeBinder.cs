using System.Globalization;
using Perrin.Simulation.Properties;
using YamlDotNet.RepresentationModel;

namespace Perrin.Simulation.Recipes;

/// <summary>Turns the YAML tree into recipe records, recording where each field was written.</summary>
internal sealed class YamlRecipeBinder
{
    private readonly RecipeSourceMap _source;
    private readonly YamlSpecReader _specs;

    public YamlRecipeBinder(string? fileName)
    {
        _source = new RecipeSourceMap(fileName);
        _specs = new YamlSpecReader(_source);
    }

    public Recipe Bind(YamlNode root)
    {
        _source.Add(string.Empty, YamlSpecReader.At(root));
        var document = Mapping(root, string.Empty, "the recipe");
        string? name = null;
        RecipeImage? image = null;
        RecipeOptics? optics = null;
        List<RecipeFeature>? sample = null;
        RecipeCamera? camera = null;
        RecipeDynamics? dynamics = null;
        RecipeLabels? labels = null;
        RecipeAugmentations? augmentations = null;
        RecipeTraining? training = null;
        ulong seed = 0;
        foreach (var (key, value) in Entries(document, string.Empty, RecipeSchema.TopLevelFields))
        {
            switch (key)
            {
                case "recipe":
                    name = Text(value, "recipe");
                    break;
                case "image":
                    image = Image(value);
                    break;
                case "optics":
                    optics = new RecipeOptics(Section(value, RecipeSchema.Optics));
                    break;
                case "sample":
                    sample = Sample(value);
                    break;
                case "camera":
                    camera = new RecipeCamera(Section(value, RecipeSchema.Camera));
                    break;
                case "dynamics":
                    dynamics = new RecipeDynamics(Section(value, RecipeSchema.Dynamics));
                    break;
                case "labels":
                    labels = new RecipeLabels(Section(value, RecipeSchema.Labels));
                    break;
                case "augmentations":
                    augmentations = new RecipeAugmentations(Section(value, RecipeSchema.Augmentations));
                    break;
                case "training":
                    training = new RecipeTraining(Section(value, RecipeSchema.Training));
                    break;
                default:
                    seed = Seed(value);
                    break;
            }
        }

        return new Recipe(
            name,
            image ?? throw Missing("image"),
            optics ?? throw Missing("optics"),
            new ValueList<RecipeFeature>(sample ?? throw Missing("sample")),
            camera,
            dynamics,
            labels,
            augmentations,
            seed)
        { Source = _source, Training = training };
    }

    private RecipeException Missing(string section) =>
        _source.Error(string.Empty, $"the recipe has no {section} section; it needs image, optics and sample");

    /// <summary>The entries of a mapping with their keys checked against the allowed names and recorded in the source map.</summary>
    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string prefix, IReadOnlyList<string> allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : string.Empty;
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            _source.Add(path, YamlSpecReader.At(value));
            if (!allowed.Contains(key))
            {
                var location = new RecipeSourceMap(_source.FilePath);
                location.Add(path, YamlSpecReader.At(keyNode));
                throw SectionCheck.UnknownField(path, key, prefix, allowed, location);
            }

            if (!seen.Add(key))
            {
                throw _source.Error(path, $"{path} is given twice");
            }

            yield return (key, value);
        }
    }

    private YamlMappingNode Mapping(YamlNode node, string path, string what) =>
        node as YamlMappingNode ?? throw _source.Error(path, $"{what} must be a mapping of fields (name: value)");

    private string Text(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw _source.Error(path, $"{path} must be a name");

    private RecipeImage Image(YamlNode node)
    {
        var map = Section(node, RecipeSchema.Image);
        SectionCheck.Required(RecipeSchema.Image, map, _source);
        return new RecipeImage(ImageSize(map, "width"), ImageSize(map, "height"));
    }

    private int ImageSize(PropertyMap map, string name) =>
        map[name] is ConstantSpec { Value: { IsNumber: true, Number: var n } } && n >= 1 && n <= RecipeSchema.MaxImageSize && Math.Floor(n) == n
            ? (int)n
            : throw _source.Error($"image.{name}", $"image.{name} = {SpecText.Describe(map[name])} must be an integer in [1, {RecipeSchema.MaxImageSize}]");

    private ulong Seed(YamlNode node) =>
        node is YamlScalarNode { Value: { } text } && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw _source.Error("seed", "seed must be an integer in [0, 18446744073709551615]");

    private PropertyMap Section(YamlNode node, SectionSchema schema)
    {
        var entries = new List<KeyValuePair<string, PropertySpec>>();
        Fields(Mapping(node, schema.Name, schema.Name), schema.Name, string.Empty, schema.Fields, entries);
        return new PropertyMap(entries);
    }

    private void Fields(YamlMappingNode mapping, string prefix, string keyPrefix, IReadOnlyList<FieldSchema> fields, List<KeyValuePair<string, PropertySpec>> entries)
    {
        foreach (var (name, value) in Entries(mapping, prefix, [.. fields.Select(f => f.Name)]))
        {
            var field = fields.First(f => f.Name == name);
            var path = $"{prefix}.{name}";
            var key = keyPrefix + name;
            switch (field.Kind)
            {
                case FieldKind.Group:
                    Fields(Mapping(value, path, path), path, key + ".", field.Children, entries);
                    break;
                case FieldKind.IndexedNumbers:
                    IndexedNumbers(Mapping(value, path, path), path, key, field, entries);
                    break;
                default:
                    entries.Add(new(key, _specs.Read(value, path, allowDensity: false)));
                    break;
            }
        }
    }

    private void IndexedNumbers(YamlMappingNode mapping, string path, string key, FieldSchema field, List<KeyValuePair<string, PropertySpec>> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var index = keyNode is YamlScalarNode { Value: { } k } ? k : string.Empty;
            if (!SectionSchema.IsKey(field, index) || !seen.Add(index))
            {
                var location = new RecipeSourceMap(_source.FilePath);
                location.Add(path, YamlSpecReader.At(keyNode));
                throw location.Error(path, $"{path} takes each key once, an integer in [{field.KeyRange!.Min}, {field.KeyRange.Max}]; '{index}' is not one");
            }

            _source.Add($"{path}.{index}", YamlSpecReader.At(value));
            entries.Add(new($"{key}.{index}", _specs.Read(value, $"{path}.{index}", allowDensity: false)));
        }
    }

    private List<RecipeFeature> Sample(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw _source.Error("sample", "sample must be a list of features (lines starting with '- feature: …')");
        }

        var features = new List<RecipeFeature>();
        foreach (var item in sequence.Children)
        {
            var prefix = $"sample[{features.Count}]";
            _source.Add(prefix, YamlSpecReader.At(item));
            features.Add(Feature(Mapping(item, prefix, prefix), prefix));
        }

        return features;
    }

    private RecipeFeature Feature(YamlMappingNode mapping, string prefix)
    {
        var typeNode = mapping.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: "feature" }).Value
            ?? throw _source.Error(prefix, $"{prefix} has no feature type; add 'feature:' with one of {string.Join(", ", RecipeSchema.FeatureTypes)}");
        _source.Add($"{prefix}.feature", YamlSpecReader.At(typeNode));
        var type = Text(typeNode, $"{prefix}.feature");
        var schema = RecipeSchema.Feature(type);
        var allowed = new List<string> { "feature", "count" };
        allowed.AddRange(schema?.Fields.Select(f => f.Name) ?? []);
        PropertySpec count = 1.0;
        var entries = new List<KeyValuePair<string, PropertySpec>>();
        foreach (var (key, value) in Entries(mapping, prefix, schema is null ? [.. mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty)] : allowed))
        {
            if (key == "count")
            {
                count = _specs.Read(value, $"{prefix}.count", allowDensity: true);
            }
            else if (key != "feature")
            {
                entries.Add(new(key, _specs.Read(value, $"{prefix}.{key}", allowDensity: false)));
            }
        }

        return new RecipeFeature(type, count, new PropertyMap(entries));
    }
}
