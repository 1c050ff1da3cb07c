using System.Text.Json;
using Perrin.Core.IO;

namespace Perrin.Nn.Serialization;

/// <summary>
/// Saves and loads Perrin models as safetensors files whose <c>__metadata__</c> carries the architecture,
/// the input normalization, the training recipe and the Perrin version, so that Python's safetensors and torch
/// open them unchanged. Loading checks the file against what the architecture expects and names the first mismatch.
/// </summary>
public static class ModelFile
{
    public const string ArchitectureKey = "perrin.architecture";
    public const string NormalizationKey = "perrin.normalization";
    public const string RecipeKey = "perrin.recipe";
    public const string VersionKey = "perrin.version";

    /// <summary>The version written into files when <see cref="ModelMetadata.Version"/> is null.</summary>
    public static string CurrentVersion { get; } = typeof(ModelFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void Save(string path, ModelFileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var metadata = content.Metadata ?? throw new ArgumentException("model file: metadata is required", nameof(content));
        CheckArchitectureIsJson(metadata.Architecture);
        var writer = new SafeTensorsWriter()
            .AddMetadata(ArchitectureKey, metadata.Architecture)
            .AddMetadata(VersionKey, metadata.Version ?? CurrentVersion);
        if (metadata.Normalization is { } normalization) writer.AddMetadata(NormalizationKey, normalization);
        if (metadata.Recipe is { } recipe) writer.AddMetadata(RecipeKey, recipe);
        foreach (var (key, value) in metadata.Extra)
        {
            if (IsReserved(key))
            {
                throw new ArgumentException($"model file: extra metadata key '{key}' is reserved; use the ModelMetadata property", nameof(content));
            }

            writer.AddMetadata(key, value);
        }

        writer.AddRange(content.Tensors);
        foreach (var t in content.Int64Tensors)
        {
            writer.Add(t);
        }

        writer.Save(path);
    }

    /// <summary>Reads and validates the header only, e.g. to build the network before loading its weights.</summary>
    public static ModelMetadata ReadMetadata(string path)
    {
        using var reader = SafeTensorsReader.Open(path);
        return MetadataOf(reader);
    }

    /// <summary>
    /// Loads a model file after checking it against <paramref name="schema"/>: same architecture, every expected
    /// tensor present with its shape and dtype, nothing unexpected. With <paramref name="convertToFloat32"/>, float32
    /// tensors stored in another dtype (F16, BF16, F64, ...) are converted instead of refused.
    /// </summary>
    public static ModelFileContent Load(string path, ModelSchema schema, bool convertToFloat32 = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var reader = SafeTensorsReader.Open(path);
        var metadata = MetadataOf(reader);
        CheckArchitecture(reader.SourceName, metadata.Architecture, schema.Architecture);
        ModelSchemaCheck.ThrowOnMismatch(reader, schema, convertToFloat32);

        var floats = new List<NamedArray>(schema.Float32Tensors.Count);
        var integers = new List<NamedInt64Array>(schema.Int64Tensors.Count);
        foreach (var t in reader.Tensors)
        {
            if (schema.Float32Tensors.ContainsKey(t.Name))
            {
                floats.Add(reader.ReadFloat32(t.Name, convertToFloat32));
            }
            else
            {
                integers.Add(reader.ReadInt64(t.Name));
            }
        }

        return new ModelFileContent(floats, integers, metadata);
    }

    private static ModelMetadata MetadataOf(SafeTensorsReader reader)
    {
        var all = reader.Metadata;
        if (!all.TryGetValue(ArchitectureKey, out var architecture))
        {
            throw new PerrinFormatException(reader.SourceName, null,
                $"the file has no '{ArchitectureKey}' metadata, so it is not a Perrin model file (or was saved without its architecture)");
        }

        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in all)
        {
            if (!IsReserved(key))
            {
                extra.Add(key, value);
            }
        }

        return new ModelMetadata(architecture)
        {
            Normalization = all.GetValueOrDefault(NormalizationKey),
            Recipe = all.GetValueOrDefault(RecipeKey),
            Version = all.GetValueOrDefault(VersionKey),
            Extra = extra,
        };
    }

    private static void CheckArchitecture(string source, string found, string expected)
    {
        using var expectedJson = CheckArchitectureIsJson(expected);
        JsonDocument foundJson;
        try
        {
            foundJson = JsonDocument.Parse(found);
        }
        catch (JsonException e)
        {
            throw new PerrinFormatException(source, null, $"the '{ArchitectureKey}' metadata is not valid JSON ({e.Message})", e);
        }

        using (foundJson)
        {
            if (!JsonElement.DeepEquals(foundJson.RootElement, expectedJson.RootElement))
            {
                throw new PerrinFormatException(source, null,
                    $"the file holds a model of architecture {Clip(found)}, but architecture {Clip(expected)} was expected");
            }
        }
    }

    private static JsonDocument CheckArchitectureIsJson(string architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        try
        {
            return JsonDocument.Parse(architecture);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"model file: the architecture must be a JSON text ({e.Message})", nameof(architecture), e);
        }
    }

    private static bool IsReserved(string key) =>
        key is ArchitectureKey or NormalizationKey or RecipeKey or VersionKey;

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
