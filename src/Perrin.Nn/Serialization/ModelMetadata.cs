namespace Perrin.Nn.Serialization;

/// <summary>
/// What a model file records besides its tensors. <see cref="Architecture"/> is a JSON text describing the network
/// (enough to rebuild it); <see cref="Normalization"/> and <see cref="Recipe"/> are free text (usually JSON) for the
/// input normalization and the training recipe; <see cref="Version"/> is the Perrin version that wrote the file
/// (filled in on save when null); <see cref="Extra"/> holds any other string entries.
/// </summary>
public sealed record ModelMetadata(string Architecture)
{
    public string? Normalization { get; init; }

    public string? Recipe { get; init; }

    public string? Version { get; init; }

    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
