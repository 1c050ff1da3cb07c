using Perrin.Core.IO;
using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Models;

/// <summary>
/// Saves and loads networks as safetensors model files (<see cref="ModelFile"/>): every parameter and buffer under
/// its PyTorch state-dict name, the configuration's JSON as the architecture, plus normalization, recipe and free
/// metadata. A file loads back bit-identically, and into the equivalent torch module with load_state_dict.
/// </summary>
public static class ModelStore
{
    /// <summary>
    /// Writes <paramref name="model"/> atomically. The model must be what <paramref name="config"/> builds (same
    /// tensor names and shapes); <paramref name="normalization"/> and <paramref name="recipe"/> are free text
    /// (usually JSON), <paramref name="extra"/> further string entries.
    /// </summary>
    public static void Save(string path, Module model, ModelConfig config, string? normalization = null, string? recipe = null,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (ModelState.FirstDifference(model, Build(config)) is { } difference)
            throw new ArgumentException($"ModelStore.Save: the {model.GetType().Name} is not the network its {config.GetType().Name} describes: {difference}.", nameof(model));
        var (floats, longs) = ModelState.Export(model);
        var metadata = new ModelMetadata(config.ToJson())
        {
            Normalization = normalization,
            Recipe = recipe,
            Extra = extra ?? new Dictionary<string, string>(),
        };
        ModelFile.Save(path, new ModelFileContent(floats, longs, metadata));
    }

    /// <summary>
    /// Reads a model file and rebuilds its network from the architecture it records. A truncated or corrupt file,
    /// an architecture Perrin cannot build, or tensors whose names, shapes or dtypes do not match it throw
    /// <see cref="PerrinFormatException"/> naming the file and the problem.
    /// </summary>
    public static LoadedModel Load(string path)
    {
        var metadata = ModelFile.ReadMetadata(path);
        return LoadAs(path, ConfigOf(path, metadata), metadata);
    }

    /// <summary>
    /// As <see cref="Load(string)"/>, but the file must hold a network of architecture <paramref name="expected"/>;
    /// another architecture throws <see cref="PerrinFormatException"/> showing both.
    /// </summary>
    public static LoadedModel Load(string path, ModelConfig expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var metadata = ModelFile.ReadMetadata(path);
        var config = ConfigOf(path, metadata);
        var found = config.ToJson();
        var wanted = expected.ToJson();
        if (found != wanted)
            throw new PerrinFormatException(path, null, $"the file holds a model of architecture {found}, but {wanted} was expected");
        return LoadAs(path, config, metadata);
    }

    private static LoadedModel LoadAs(string path, ModelConfig config, ModelMetadata metadata)
    {
        var model = Build(config);
        var content = ModelFile.Load(path, ModelState.Schema(model, metadata.Architecture));
        ModelState.Import(model, content);
        return new LoadedModel(model, config, content.Metadata);
    }

    private static ModelConfig ConfigOf(string path, ModelMetadata metadata)
    {
        try
        {
            return ModelConfig.FromJson(metadata.Architecture);
        }
        catch (ArgumentException e)
        {
            throw new PerrinFormatException(path, null, $"the '{ModelFile.ArchitectureKey}' metadata does not describe a network Perrin can build: {e.Message}", e);
        }
    }

    // The weights are overwritten on load, so any fixed stream serves to build the network.
    private static Module Build(ModelConfig config) => ModelFactory.Create(config, new RandomStream(0, 0));
}
