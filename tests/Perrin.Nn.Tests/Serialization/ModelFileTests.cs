using Perrin.Core.IO;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

public sealed class ModelFileTests : IDisposable
{
    private const string Architecture = "{\"kind\":\"unet\",\"depth\":2,\"channels\":[16,32]}";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("perrin-model-");

    private static readonly ModelSchema Schema = new(
        Architecture,
        new Dictionary<string, int[]> { ["down.0.weight"] = [16, 1, 3, 3], ["down.0.bias"] = [16], ["bn.weight"] = [16] },
        new Dictionary<string, int[]> { ["bn.num_batches_tracked"] = [] });

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private static float[] Ramp(int n)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++) values[i] = i * 0.25f - 3f;
        return values;
    }

    private static ModelFileContent Content(string architecture = Architecture, int[]? weightShape = null,
        IReadOnlyDictionary<string, string>? extra = null) => new(
        [
            new NamedArray("down.0.weight", weightShape ?? [16, 1, 3, 3], Ramp(144)),
            new NamedArray("down.0.bias", [16], Ramp(16)),
            new NamedArray("bn.weight", [16], Ramp(16)),
        ],
        [new NamedInt64Array("bn.num_batches_tracked", [], [1234])],
        new ModelMetadata(architecture)
        {
            Normalization = "{\"mean\":0.5,\"std\":0.25}",
            Recipe = "{\"seed\":7}",
            Extra = extra ?? new Dictionary<string, string> { ["note"] = "trained on disks" },
        });

    [Fact]
    public void SaveThenLoadGivesTheSameTensorsAndMetadata()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content());
        var loaded = ModelFile.Load(path, Schema);

        Assert.Equal(3, loaded.Tensors.Count);
        var weight = loaded.Tensors.Single(t => t.Name == "down.0.weight");
        Assert.Equal([16, 1, 3, 3], weight.Shape);
        Assert.Equal(Ramp(144), weight.Data);
        Assert.Equal([1234L], loaded.Int64Tensors.Single().Data);
        Assert.Equal(Architecture, loaded.Metadata.Architecture);
        Assert.Equal("{\"mean\":0.5,\"std\":0.25}", loaded.Metadata.Normalization);
        Assert.Equal("{\"seed\":7}", loaded.Metadata.Recipe);
        Assert.Equal(ModelFile.CurrentVersion, loaded.Metadata.Version);
        Assert.Equal("trained on disks", Assert.Single(loaded.Metadata.Extra).Value);

        var metadata = ModelFile.ReadMetadata(path);
        Assert.Equal(Architecture, metadata.Architecture);
    }

    [Fact]
    public void ArchitectureIsComparedAsJsonNotAsText()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content("{ \"channels\": [16, 32], \"depth\": 2, \"kind\": \"unet\" }"));
        Assert.Equal(3, ModelFile.Load(path, Schema).Tensors.Count);
    }

    [Fact]
    public void WrongArchitectureIsNamed()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content("{\"kind\":\"unet\",\"depth\":3,\"channels\":[16,32]}"));
        var e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, Schema));
        Assert.Equal(
            $"{path}: the file holds a model of architecture {{\"kind\":\"unet\",\"depth\":3,\"channels\":[16,32]}}, but architecture {Architecture} was expected",
            e.Message);
    }

    [Fact]
    public void WrongShapeIsNamedWithBothShapes()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content(weightShape: [8, 2, 3, 3]));
        var e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, Schema));
        Assert.EndsWith(": tensor 'down.0.weight' has shape [8,2,3,3], the architecture expects [16,1,3,3]", e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void MissingAndUnexpectedTensorsAreNamed()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content());
        var renamed = Schema with
        {
            Float32Tensors = new Dictionary<string, int[]> { ["down.0.weight"] = [16, 1, 3, 3], ["down.0.bias"] = [16], ["bn.gamma"] = [16] },
        };
        var e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, renamed));
        Assert.EndsWith("tensor 'bn.gamma' [16] expected by the architecture is missing (and 1 more mismatches)", e.Message);

        var fewer = Schema with { Float32Tensors = new Dictionary<string, int[]> { ["down.0.weight"] = [16, 1, 3, 3], ["down.0.bias"] = [16] } };
        e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, fewer));
        Assert.Contains("tensor 'bn.weight' [16] in the file is not part of the architecture", e.Message);
    }

    [Fact]
    public void WrongDtypeIsNamedAndConversionIsOptIn()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content());
        var asFloat = new ModelSchema(Architecture, new Dictionary<string, int[]>
        {
            ["down.0.weight"] = [16, 1, 3, 3], ["down.0.bias"] = [16], ["bn.weight"] = [16], ["bn.num_batches_tracked"] = [],
        });
        var e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, asFloat));
        Assert.Contains("tensor 'bn.num_batches_tracked' has dtype I64, the architecture expects F32", e.Message);
        Assert.Equal(1234f, ModelFile.Load(path, asFloat, convertToFloat32: true).Tensors.Single(t => t.Name == "bn.num_batches_tracked").Data[0]);
    }

    [Fact]
    public void PlainSafetensorsWithoutArchitectureIsNotAModelFile()
    {
        var path = PathOf("plain.safetensors");
        new SafeTensorsWriter().Add(new NamedArray("w", [1], [1f])).Save(path);
        var e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, Schema));
        Assert.Contains("no 'perrin.architecture' metadata", e.Message);
    }

    [Fact]
    public void TruncatedModelFileIsRefused()
    {
        var path = PathOf("m.safetensors");
        ModelFile.Save(path, Content());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        var e = Assert.Throws<PerrinFormatException>(() => ModelFile.Load(path, Schema));
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void SavingRefusesBadMetadata()
    {
        Assert.Throws<ArgumentException>(() => ModelFile.Save(PathOf("a.safetensors"), Content("not json")));
        Assert.Throws<ArgumentException>(() => ModelFile.Save(PathOf("b.safetensors"),
            Content(extra: new Dictionary<string, string> { [ModelFile.RecipeKey] = "x" })));
        Assert.Empty(_folder.GetFiles());
    }

    [Fact]
    public void SavingTheSameModelTwiceGivesIdenticalFiles()
    {
        ModelFile.Save(PathOf("a.safetensors"), Content());
        ModelFile.Save(PathOf("b.safetensors"), Content());
        Assert.Equal(File.ReadAllBytes(PathOf("a.safetensors")), File.ReadAllBytes(PathOf("b.safetensors")));
    }
}
