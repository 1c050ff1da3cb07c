using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perrin.Nn.Models;

/// <summary>
/// The architecture of a model: everything <see cref="ModelFactory.Create"/> needs to build it. Serialized as JSON
/// with a "type" discriminator ("mlp", "cnn", "unet", "encoderDecoder", "pix2pix", "sequence") and camelCase names;
/// missing properties take their defaults, unknown ones are refused.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(MlpConfig), "mlp")]
[JsonDerivedType(typeof(CnnConfig), "cnn")]
[JsonDerivedType(typeof(UNetConfig), "unet")]
[JsonDerivedType(typeof(EncoderDecoderConfig), "encoderDecoder")]
[JsonDerivedType(typeof(Pix2PixConfig), "pix2pix")]
[JsonDerivedType(typeof(SequenceModelConfig), "sequence")]
public abstract record ModelConfig
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot make a network.</summary>
    public abstract void Validate();

    /// <summary>The configuration as one line of JSON, discriminator first.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>
    /// Reads a configuration written by <see cref="ToJson"/> (or by hand) and validates it; a malformed text or an
    /// invalid setting throws <see cref="ArgumentException"/> saying what is wrong.
    /// </summary>
    public static ModelConfig FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ModelConfig>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"model configuration: {e.Message}", nameof(json), e);
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"model configuration: {e.Message} (is the \"type\" property missing?)", nameof(json), e);
        }
        if (config is null) throw new ArgumentException("model configuration: the JSON text is null.", nameof(json));
        config.Validate();
        return config;
    }

    private protected static void Require(bool condition, string type, string message)
    {
        if (!condition) throw new ArgumentException($"{type} configuration: {message}.");
    }

    private protected static void RequirePositive(IReadOnlyList<int>? values, string type, string name, bool allowEmpty)
    {
        Require(values is not null, type, $"{name} is missing");
        Require(allowEmpty || values!.Count > 0, type, $"{name} needs at least one entry");
        foreach (var v in values!) Require(v > 0, type, $"{name} [{string.Join(", ", values)}] must hold positive numbers");
    }
}
