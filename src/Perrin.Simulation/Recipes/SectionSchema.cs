namespace Perrin.Simulation.Recipes;

/// <summary>The fields of one recipe section (or of one feature type).</summary>
public sealed record SectionSchema(string Name, IReadOnlyList<FieldSchema> Fields)
{
    public FieldSchema? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The field a dotted key names (<c>psf.zernike.5</c> → the zernike field), or null.</summary>
    public FieldSchema? Resolve(string key)
    {
        var parts = key.Split('.');
        var fields = Fields;
        for (var i = 0; i < parts.Length; i++)
        {
            var field = fields.FirstOrDefault(f => f.Name == parts[i]);
            if (field is null)
            {
                return null;
            }

            if (i == parts.Length - 1)
            {
                return field.Kind == FieldKind.Group ? null : field;
            }

            if (field.Kind == FieldKind.IndexedNumbers)
            {
                return i == parts.Length - 2 && IsKey(field, parts[i + 1]) ? field : null;
            }

            fields = field.Children;
        }

        return null;
    }

    internal static bool IsKey(FieldSchema field, string text) =>
        text.Length is > 0 and < 10 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
        && field.KeyRange!.Contains(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
}
