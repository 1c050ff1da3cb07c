using Perrin.Core.Randomness;
using Perrin.Nn.Models;

namespace Perrin.Nn.Tests.Models;

public class BenchConfigTests
{
    [Fact]
    public void UNetBenchHasTorchReferenceParameterCountNamesAndShapes()
    {
        var model = ModelFactory.Create(UNetConfig.Bench, new RandomStream(1, 0));
        Assert.Equal(481_745, model.ParameterCount());
        var expected = new Dictionary<string, int[]>
        {
            ["down.0.0.weight"] = [16, 1, 3, 3], ["down.0.0.bias"] = [16], ["down.0.2.weight"] = [16, 16, 3, 3], ["down.0.2.bias"] = [16],
            ["down.1.0.weight"] = [32, 16, 3, 3], ["down.1.0.bias"] = [32], ["down.1.2.weight"] = [32, 32, 3, 3], ["down.1.2.bias"] = [32],
            ["down.2.0.weight"] = [64, 32, 3, 3], ["down.2.0.bias"] = [64], ["down.2.2.weight"] = [64, 64, 3, 3], ["down.2.2.bias"] = [64],
            ["mid.0.weight"] = [128, 64, 3, 3], ["mid.0.bias"] = [128], ["mid.2.weight"] = [128, 128, 3, 3], ["mid.2.bias"] = [128],
            ["up.0.weight"] = [128, 64, 2, 2], ["up.0.bias"] = [64], ["up.1.weight"] = [64, 32, 2, 2], ["up.1.bias"] = [32],
            ["up.2.weight"] = [32, 16, 2, 2], ["up.2.bias"] = [16],
            ["dec.0.0.weight"] = [64, 128, 3, 3], ["dec.0.0.bias"] = [64], ["dec.0.2.weight"] = [64, 64, 3, 3], ["dec.0.2.bias"] = [64],
            ["dec.1.0.weight"] = [32, 64, 3, 3], ["dec.1.0.bias"] = [32], ["dec.1.2.weight"] = [32, 32, 3, 3], ["dec.1.2.bias"] = [32],
            ["dec.2.0.weight"] = [16, 32, 3, 3], ["dec.2.0.bias"] = [16], ["dec.2.2.weight"] = [16, 16, 3, 3], ["dec.2.2.bias"] = [16],
            ["head.weight"] = [1, 16, 1, 1], ["head.bias"] = [1],
        };
        var state = model.StateDict();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, shape) in expected) Assert.Equal(shape, state[name].ShapeArray());
    }

    [Fact]
    public void CnnBenchHasTorchReferenceParameterCountNamesAndShapes()
    {
        var model = ModelFactory.Create(CnnConfig.Bench, new RandomStream(1, 0));
        Assert.Equal(57_218, model.ParameterCount());
        var state = model.StateDict();
        Assert.Equal(
            ["0.bias", "0.weight", "10.bias", "10.weight", "12.bias", "12.weight", "14.bias", "14.weight", "3.bias", "3.weight", "6.bias", "6.weight"],
            state.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([16, 1, 3, 3], state["0.weight"].ShapeArray());
        Assert.Equal([64, 32, 3, 3], state["6.weight"].ShapeArray());
        Assert.Equal([32, 1024], state["10.weight"].ShapeArray());
        Assert.Equal([2, 32], state["14.weight"].ShapeArray());
        Assert.Equal(1024, CnnConfig.Bench.FlattenedSize);
    }

    [Fact]
    public void SameSeedGivesSameWeights()
    {
        var a = ModelFactory.Create(UNetConfig.Bench, new RandomStream(7, 3)).StateDict();
        var b = ModelFactory.Create(UNetConfig.Bench, new RandomStream(7, 3)).StateDict();
        var c = ModelFactory.Create(UNetConfig.Bench, new RandomStream(8, 3)).StateDict();
        foreach (var (name, t) in a) Assert.True(t.Span.SequenceEqual(b[name].Span), name);
        Assert.False(a["mid.0.weight"].Span.SequenceEqual(c["mid.0.weight"].Span));
    }
}
