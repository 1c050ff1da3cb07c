using Perrin.Core.IO;
using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Models;

public sealed class ModelStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("perrin-models-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    /// <summary>A model whose buffers moved away from their initial values by one training-mode forward.</summary>
    private static Module Trained(ModelConfig config, int[] input)
    {
        var model = ModelFactory.Create(config, new RandomStream(3, 1));
        using var x = Tensor.Uniform(new RandomStream(4, 1), -1f, 1f, input);
        model.Forward(x).DisposeGraph();
        return model;
    }

    [Theory]
    [MemberData(nameof(SampleConfigs.Names), MemberType = typeof(SampleConfigs))]
    public void RoundTripIsBitIdentical(string name)
    {
        var (config, input, _) = SampleConfigs.Get(name);
        var model = Trained(config, input);
        var path = PathOf(name + ".safetensors");
        ModelStore.Save(path, model, config, normalization: "{\"mean\":0.5}", recipe: "{\"epochs\":3}",
            extra: new Dictionary<string, string> { ["note"] = "sample" });

        var loaded = ModelStore.Load(path);
        Assert.Equal(config.ToJson(), loaded.Config.ToJson());
        Assert.Equal(model.GetType(), loaded.Model.GetType());
        Assert.Equal("{\"mean\":0.5}", loaded.Metadata.Normalization);
        Assert.Equal("{\"epochs\":3}", loaded.Metadata.Recipe);
        Assert.Equal("sample", loaded.Metadata.Extra["note"]);
        var original = model.StateDict();
        var restored = loaded.Model.StateDict();
        Assert.Equal(original.Keys.Order(StringComparer.Ordinal), restored.Keys.Order(StringComparer.Ordinal));
        foreach (var (n, t) in original)
        {
            Assert.Equal(t.ShapeArray(), restored[n].ShapeArray());
            Assert.True(BitsEqual(t.Span, restored[n].Span), $"{name}: tensor {n} changed in the round trip");
        }

        var again = PathOf(name + "-again.safetensors");
        ModelStore.Save(again, loaded.Model, loaded.Config, "{\"mean\":0.5}", "{\"epochs\":3}", new Dictionary<string, string> { ["note"] = "sample" });
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    private static bool BitsEqual(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i])) return false;
        return true;
    }

    [Fact]
    public void BatchCountersAreStoredAsInt64AndEverythingElseAsFloat32()
    {
        var model = Trained(SampleConfigs.UNet, [2, 1, 8, 8]);
        var path = PathOf("bn.safetensors");
        ModelStore.Save(path, model, SampleConfigs.UNet);
        using var reader = SafeTensorsReader.Open(path);
        Assert.Equal(SafeTensorsDType.I64, reader.GetInfo("down.0.1.num_batches_tracked").DType);
        Assert.Equal([1L], reader.ReadInt64("down.0.1.num_batches_tracked").Data);
        Assert.Equal(SafeTensorsDType.F32, reader.GetInfo("down.0.1.running_var").DType);
        Assert.Equal(SafeTensorsDType.F32, reader.GetInfo("down.0.0.weight").DType);
        Assert.False(reader.Contains("down.0.0.bias"));
        var counters = 0;
        foreach (var t in reader.Tensors)
            if (t.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal)) counters++;
        Assert.Equal((2 * 2) + 2 + (2 * 2), counters);
    }

    [Fact]
    public void TruncatedFileIsReportedWithItsPath()
    {
        var path = PathOf("cut.safetensors");
        ModelStore.Save(path, ModelFactory.Create(SampleConfigs.Mlp, new RandomStream(1, 0)), SampleConfigs.Mlp);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 5)]);
        var e = Assert.Throws<PerrinFormatException>(() => ModelStore.Load(path));
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void AnotherArchitectureIsReportedWithBoth()
    {
        var path = PathOf("mlp.safetensors");
        ModelStore.Save(path, ModelFactory.Create(SampleConfigs.Mlp, new RandomStream(1, 0)), SampleConfigs.Mlp);
        var other = SampleConfigs.Mlp with { HiddenSizes = [6] };
        var e = Assert.Throws<PerrinFormatException>(() => ModelStore.Load(path, other));
        Assert.Contains("\"hiddenSizes\":[5,4]", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"hiddenSizes\":[6]", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
        Assert.Equal(SampleConfigs.Mlp.ToJson(), ModelStore.Load(path, SampleConfigs.Mlp).Config.ToJson());
    }

    [Fact]
    public void TensorsOfAnotherNetworkAreReported()
    {
        var path = PathOf("swapped.safetensors");
        var (floats, longs) = ModelState.Export(ModelFactory.Create(SampleConfigs.Mlp, new RandomStream(1, 0)));
        var other = SampleConfigs.Mlp with { OutputSize = 4 };
        ModelFile.Save(path, new ModelFileContent(floats, longs, new ModelMetadata(other.ToJson())));
        var e = Assert.Throws<PerrinFormatException>(() => ModelStore.Load(path));
        Assert.Contains("tensor '6.bias' has shape [2], the architecture expects [4]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongDTypeIsReported()
    {
        var path = PathOf("dtype.safetensors");
        var (floats, longs) = ModelState.Export(ModelFactory.Create(SampleConfigs.Mlp, new RandomStream(1, 0)));
        var bias = floats.Single(t => t.Name == "0.bias");
        floats.Remove(bias);
        longs.Add(new NamedInt64Array("0.bias", bias.Shape, new long[bias.Data.Length]));
        ModelFile.Save(path, new ModelFileContent(floats, longs, new ModelMetadata(SampleConfigs.Mlp.ToJson())));
        var e = Assert.Throws<PerrinFormatException>(() => ModelStore.Load(path));
        Assert.Contains("tensor '0.bias' has dtype I64, the architecture expects F32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArchitectureThatCannotBeBuiltIsReported()
    {
        var path = PathOf("arch.safetensors");
        ModelFile.Save(path, new ModelFileContent([], new ModelMetadata("{\"type\":\"transformer\",\"heads\":8}")));
        var e = Assert.Throws<PerrinFormatException>(() => ModelStore.Load(path));
        Assert.Contains("does not describe a network Perrin can build", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingAModelUnderAnotherConfigurationIsRefused()
    {
        var model = ModelFactory.Create(SampleConfigs.Mlp, new RandomStream(1, 0));
        var e = Assert.Throws<ArgumentException>(() => ModelStore.Save(PathOf("x.safetensors"), model, SampleConfigs.Mlp with { InputSize = 4 }));
        Assert.Contains("tensor '0.weight' has shape [5, 3] in the model but [5, 4] in the configuration", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.safetensors")));
    }
}
