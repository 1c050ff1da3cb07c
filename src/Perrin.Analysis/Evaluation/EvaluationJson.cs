using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The JSON form of evaluation results: snake_case names (true_positives, rmse_lateral_nm, …), rules as strings,
/// and quantities that are undefined (NaN) as null.
/// </summary>
public static class EvaluationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
        };
        options.Converters.Add(new NonFiniteAsNullConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
