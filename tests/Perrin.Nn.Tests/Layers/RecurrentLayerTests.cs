using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Layers;

public class RecurrentLayerTests
{
    [Fact]
    public void ParametersFollowPyTorchNamesShapesAndInitialization()
    {
        var lstm = new LSTM(3, 5, new RandomStream(1, 0), numLayers: 2);
        var names = lstm.NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"], names);
        Assert.Equal([20, 3], lstm.WeightIh(0).ShapeArray());
        Assert.Equal([20, 5], lstm.WeightIh(1).ShapeArray());
        Assert.Equal([15, 5], new GRU(5, 5, new RandomStream(1, 0)).WeightHh(0).ShapeArray());
        Assert.DoesNotContain(new GRU(5, 5, new RandomStream(1, 0), bias: false).NamedParameters(), p => p.Name.StartsWith("bias", StringComparison.Ordinal));
        var bound = 1f / MathF.Sqrt(5);
        foreach (var (_, p) in lstm.NamedParameters()) Assert.All(p.ToArray(), v => Assert.InRange(v, -bound, bound));
    }

    [Fact]
    public void LstmGradientsThroughTime()
    {
        var lstm = new LSTM(3, 4, new RandomStream(2, 0), numLayers: 2);
        var x = GradientCheck.Leaf(3, -1f, 1f, 2, 4, 3);
        var h0 = GradientCheck.Leaf(4, -0.5f, 0.5f, 2, 2, 4);
        var c0 = GradientCheck.Leaf(5, -0.5f, 0.5f, 2, 2, 4);
        Tensor[] inputs = [x, h0, c0, .. lstm.Parameters()];
        // Float forward, step 1e-2: gates are smooth and O(1), so 1e-2 relative and 1e-3 absolute hold for a correct rule.
        GradientCheck.Check(t => lstm.Run(t[0], t[1], t[2]).Output, inputs);
        GradientCheck.Check(t =>
        {
            var r = lstm.Run(t[0], t[1], t[2]);
            return Perrin.Nn.Ops.Reshaping.Concat([r.Hidden, r.Cell!], 0);
        }, inputs);
    }

    [Fact]
    public void GruGradientsThroughTime()
    {
        var gru = new GRU(3, 4, new RandomStream(6, 0), numLayers: 2);
        var x = GradientCheck.Leaf(7, -1f, 1f, 2, 4, 3);
        var h0 = GradientCheck.Leaf(8, -0.5f, 0.5f, 2, 2, 4);
        Tensor[] inputs = [x, h0, .. gru.Parameters()];
        GradientCheck.Check(t => gru.Run(t[0], t[1]).Output, inputs);
        GradientCheck.Check(t => gru.Run(t[0], t[1]).Hidden, inputs);
    }

    [Fact]
    public void StackedLayersFeedEachOtherAndReportStatesPerLayer()
    {
        var two = new LSTM(3, 4, new RandomStream(9, 0), numLayers: 2);
        var first = new LSTM(3, 4, new RandomStream(10, 0));
        var second = new LSTM(4, 4, new RandomStream(11, 0));
        var state = two.StateDict();
        foreach (var (name, p) in first.NamedParameters()) state[name].Span.CopyTo(p.Span);
        foreach (var (name, p) in second.NamedParameters()) state[name.Replace("_l0", "_l1", StringComparison.Ordinal)].Span.CopyTo(p.Span);
        using var x = Tensor.Uniform(new RandomStream(12, 0), -1f, 1f, 2, 5, 3);
        var both = two.Run(x);
        var a = first.Run(x);
        var b = second.Run(a.Output);
        Assert.Equal(b.Output.ToArray(), both.Output.ToArray());
        Assert.Equal([2, 2, 4], both.Hidden.ShapeArray());
        Assert.Equal(a.Hidden.ToArray().Concat(b.Hidden.ToArray()).ToArray(), both.Hidden.ToArray());
        Assert.Equal(a.Cell!.ToArray().Concat(b.Cell!.ToArray()).ToArray(), both.Cell!.ToArray());
        // The last output step is the last layer's final hidden state.
        Assert.Equal(both.Output.ToArray().AsSpan(4 * 4, 4).ToArray(), both.Hidden.ToArray().AsSpan(8, 4).ToArray());
    }

    [Fact]
    public void MistakesNameTheLayerAndShapes()
    {
        var gru = new GRU(3, 4, new RandomStream(1, 0));
        using var x = Tensor.Zeros(2, 5, 6);
        var e = Assert.Throws<ArgumentException>(() => gru.Forward(x));
        Assert.Contains("GRU(3→4)", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 5, 6]", e.Message, StringComparison.Ordinal);
        using var ok = Tensor.Zeros(2, 5, 3);
        using var h0 = Tensor.Zeros(1, 3, 4);
        Assert.Contains("h0", Assert.Throws<ArgumentException>(() => gru.Run(ok, h0)).Message, StringComparison.Ordinal);
    }
}
