using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Layers;

public class ModuleTests
{
    private static RandomStream Rng() => new(11, 0);

    [Fact]
    public void SequentialNamesFollowPyTorch()
    {
        var rng = Rng();
        var net = new Sequential(new Conv2d(1, 4, 3, rng), new ReLU(), new Flatten(), new Linear(4 * 6 * 6, 2, rng));
        var names = net.NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(["0.weight", "0.bias", "3.weight", "3.bias"], names);
        Assert.Equal((4 * 9) + 4 + (144 * 2) + 2, net.ParameterCount());
        using var x = Tensor.Zeros(2, 1, 8, 8);
        Assert.Equal([2, 2], net.Forward(x).ShapeArray());
    }

    [Fact]
    public void InitializationIsBoundedAndSeeded()
    {
        var a = new Linear(16, 8, new RandomStream(3, 0));
        var b = new Linear(16, 8, new RandomStream(3, 0));
        Assert.Equal(a.Weight.ToArray(), b.Weight.ToArray());
        Assert.All(a.Weight.ToArray(), v => Assert.InRange(v, -0.25f, 0.25f));
        Assert.Contains(a.Weight.ToArray(), v => MathF.Abs(v) > 0.2f);
    }

    [Fact]
    public void StateDictRoundTripsAndReportsMismatch()
    {
        var rng = Rng();
        var net = new Sequential(new Linear(3, 2, rng));
        var values = net.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray().Select(v => v + 1).ToArray());
        net.LoadStateDict(values);
        Assert.Equal(values["0.weight"], net.StateDict()["0.weight"].ToArray());
        values["0.extra"] = [1f];
        var e = Assert.Throws<InvalidOperationException>(() => net.LoadStateDict(values));
        Assert.Contains("0.extra", e.Message);
        values.Remove("0.extra");
        values.Remove("0.bias");
        e = Assert.Throws<InvalidOperationException>(() => net.LoadStateDict(values));
        Assert.Contains("0.bias", e.Message);
    }

    [Fact]
    public void WrongInputShapeNamesLayerAndShapes()
    {
        var layer = new Linear(3, 2, Rng());
        using var x = Tensor.Zeros(4, 5);
        var e = Assert.Throws<ArgumentException>(() => layer.Forward(x));
        Assert.Contains("Linear(3→2)", e.Message);
        Assert.Contains("[4, 5]", e.Message);
        var conv = new Conv2d(3, 8, 3, Rng());
        using var img = Tensor.Zeros(1, 1, 8, 8);
        e = Assert.Throws<ArgumentException>(() => conv.Forward(img));
        Assert.Contains("[1, 1, 8, 8]", e.Message);
    }

    [Fact]
    public void GradientsReachEveryParameter()
    {
        var rng = Rng();
        var net = new Sequential(new Conv2d(2, 3, 3, rng, padding: 1, fusedRelu: true), new ConvTranspose2d(3, 2, 2, rng, stride: 2),
            new Tanh(), new Flatten(), new Linear(2 * 8 * 8, 1, rng), new Sigmoid());
        using var x = Tensor.Uniform(rng, -1, 1, 2, 2, 4, 4);
        var loss = Perrin.Nn.Ops.Reductions.Mean(net.Forward(x));
        loss.Backward();
        foreach (var (name, p) in net.NamedParameters())
        {
            Assert.NotNull(p.Grad);
            Assert.True(p.Grad!.ToArray().Any(v => v != 0f), name);
        }
        loss.DisposeGraph();
        net.ZeroGrad();
        Assert.All(net.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void InferenceInNoGradScopeBuildsNoGraph()
    {
        var rng = Rng();
        var net = new Sequential(new Linear(3, 4, rng), new ReLU(), new Linear(4, 1, rng));
        using var x = Tensor.Ones(2, 3);
        using (GradMode.NoGrad())
        {
            var y = net.Forward(x);
            Assert.True(y.IsLeaf);
            Assert.False(y.RequiresGrad);
        }
    }
}
