using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Checks the <c>training</c> section: known fields, plain constants within their ranges, a pool for a refresh.</summary>
internal static class TrainingCheck
{
    public const int MaxLevels = 8;

    public static void Check(RecipeTraining? training, RecipeSourceMap source)
    {
        if (training is null)
        {
            return;
        }

        var schema = RecipeSchema.Training;
        foreach (var entry in training.Properties)
        {
            var path = $"{schema.Name}.{entry.Key}";
            var field = schema.Find(entry.Key);
            var problem = field?.Kind switch
            {
                FieldKind.Number or FieldKind.Integer => NumberProblem(entry.Value, field.Range!),
                FieldKind.IntegerList => ListProblem(entry.Value, field.Range!),
                FieldKind.Name => entry.Value is ConstantSpec { Value.Kind: PropertyValueKind.Text } ? null : "a name",
                _ => null,
            };
            if (problem is not null)
            {
                throw source.Error(path, $"{path} = {SpecText.Describe(entry.Value)} must be {problem}");
            }

            SectionCheck.Fields(schema.Name, schema, new PropertyMap([entry]), source);
        }

        if (training.Properties.ContainsKey("refresh") && training.Pool is null)
        {
            throw source.Error("training.refresh", "training.refresh replaces samples of the replay pool; set training.pool too");
        }

        if (training.Refresh is { } refresh && training.Pool is { } size && refresh > size)
        {
            throw source.Error("training.refresh", $"training.refresh = {refresh} exceeds training.pool = {size}; at most the whole pool is replaced per step");
        }
    }

    private static string? NumberProblem(PropertySpec spec, ValueRange range) =>
        spec is ConstantSpec { Value: { IsNumber: true, Number: var n } } && range.Contains(n) ? null : $"{range}, written as a plain constant";

    private static string? ListProblem(PropertySpec spec, ValueRange range) =>
        spec is ConstantSpec { Value.List: { Count: >= 1 and <= MaxLevels } list } && list.All(v => v.IsNumber && range.Contains(v.Number))
            ? null
            : $"a list of 1 to {MaxLevels} numbers, each {range}, such as [16, 32, 64]";
}
