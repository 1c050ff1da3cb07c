using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

public class SafeTensorsRoundTripTests
{
    private static readonly float QuietNanWithPayload = BitConverter.Int32BitsToSingle(0x7FC0_1234);
    private static readonly float SignallingNan = BitConverter.Int32BitsToSingle(0x7F80_0001);
    private static readonly float NegativeNan = BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0042));

    private static SafeTensorsWriter Sample() => new SafeTensorsWriter()
        .Add(new NamedArray("conv.weight", [2, 1, 2, 2], [1f, -0f, 0f, float.Epsilon, QuietNanWithPayload, SignallingNan, NegativeNan, float.MaxValue]))
        .Add(new NamedArray("conv.bias", [2], [float.PositiveInfinity, float.NegativeInfinity]))
        .Add(new NamedArray("empty", [0, 3], []))
        .Add(new NamedArray("scalar", [], [3.25f]))
        .Add(new NamedInt64Array("bn.num_batches_tracked", [], [long.MinValue + 1]))
        .Add(new NamedInt64Array("counts", [3], [0, -1, long.MaxValue]))
        .AddMetadata("perrin.recipe", "{\"sigma\": 1.5, \"unit\": \"µm\"}")
        .AddMetadata("a", "");

    [Fact]
    public void EveryBitSurvivesARoundTrip()
    {
        var writer = Sample();
        using var reader = SafeTensorsBytes.Open(writer.ToArray());

        var weight = reader.ReadFloat32("conv.weight");
        Assert.Equal([2, 1, 2, 2], weight.Shape);
        float[] expected = [1f, -0f, 0f, float.Epsilon, QuietNanWithPayload, SignallingNan, NegativeNan, float.MaxValue];
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), weight.Data.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity], reader.ReadFloat32("conv.bias").Data);

        var empty = reader.ReadFloat32("empty");
        Assert.Equal([0, 3], empty.Shape);
        Assert.Empty(empty.Data);

        var scalar = reader.ReadFloat32("scalar");
        Assert.Empty(scalar.Shape);
        Assert.Equal([3.25f], scalar.Data);

        var tracked = reader.ReadInt64("bn.num_batches_tracked");
        Assert.Empty(tracked.Shape);
        Assert.Equal([long.MinValue + 1], tracked.Data);
        Assert.Equal([0L, -1L, long.MaxValue], reader.ReadInt64("counts").Data);

        Assert.Equal(2, reader.Metadata.Count);
        Assert.Equal("{\"sigma\": 1.5, \"unit\": \"µm\"}", reader.Metadata["perrin.recipe"]);
        Assert.Equal("", reader.Metadata["a"]);
    }

    [Fact]
    public void TensorsAreLaidOutByElementSizeThenNameAndAligned()
    {
        using var reader = SafeTensorsBytes.Open(Sample().ToArray());
        Assert.Equal(
            ["bn.num_batches_tracked", "counts", "conv.bias", "conv.weight", "empty", "scalar"],
            reader.Tensors.Select(t => t.Name));
        Assert.Equal([0L, 8L, 32L, 40L, 72L, 72L], reader.Tensors.Select(t => t.Begin));
        Assert.All(reader.Tensors, t => Assert.Equal(0, t.FileOffset % t.DType.ElementSize()));
        Assert.Equal(0, reader.Tensors[0].FileOffset % 8);
    }

    [Fact]
    public void EqualContentGivesIdenticalBytesWhateverTheInsertionOrder()
    {
        var forward = new SafeTensorsWriter()
            .Add(new NamedArray("x", [1], [1f])).Add(new NamedArray("y", [1], [2f]))
            .AddMetadata("k1", "v1").AddMetadata("k2", "v2");
        var backward = new SafeTensorsWriter()
            .AddMetadata("k2", "v2").AddMetadata("k1", "v1")
            .Add(new NamedArray("y", [1], [2f])).Add(new NamedArray("x", [1], [1f]));
        Assert.Equal(forward.ToArray(), backward.ToArray());
    }

    [Fact]
    public void SavingTwiceGivesIdenticalFilesAndLeavesNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("perrin-st-");
        try
        {
            var first = Path.Combine(folder.FullName, "a.safetensors");
            var second = Path.Combine(folder.FullName, "b.safetensors");
            Sample().Save(first);
            Sample().Save(second);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal(2, folder.GetFiles().Length);

            using var reader = SafeTensorsReader.Open(first);
            Assert.Equal(6, reader.Tensors.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void WriterRefusesInconsistentTensors()
    {
        var writer = new SafeTensorsWriter().Add(new NamedArray("w", [2], [1f, 2f]));
        Assert.Contains("added twice", Assert.Throws<ArgumentException>(() => writer.Add(new NamedArray("w", [2], [1f, 2f]))).Message);
        Assert.Contains("[2,3]", Assert.Throws<ArgumentException>(() => writer.Add(new NamedArray("v", [2, 3], [1f]))).Message);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => writer.Add(new NamedArray("__metadata__", [], [1f]))).Message);
        Assert.Throws<ArgumentException>(() => writer.Add(new NamedArray("n", [-1], [])));
        Assert.Throws<ArgumentException>(() => writer.AddMetadata("k", "1").AddMetadata("k", "2"));
    }

    [Fact]
    public void NoTensorsAtAllIsAValidFile()
    {
        using var reader = SafeTensorsBytes.Open(new SafeTensorsWriter().ToArray());
        Assert.Empty(reader.Tensors);
        Assert.Empty(reader.Metadata);
    }
}
