using Perrin.Nn.Layers;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Models;

/// <summary>A network read from a model file, with the configuration it was built from and the file's metadata.</summary>
public sealed record LoadedModel(Module Model, ModelConfig Config, ModelMetadata Metadata);
