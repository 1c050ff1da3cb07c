using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Tensors;
using Perrin.Nn.Tests.Serialization.Onnx;

namespace Perrin.Nn.Tests.Layers;

/// <summary>The sigmoid on channel 0 only, the output activation of DECODE networks, and its U-Net configuration.</summary>
public class FirstChannelSigmoidTests
{
    [Fact]
    public void SigmoidOnChannelZeroIdentityElsewhere()
    {
        using var x = Tensor.FromArray([0f, 2f, -1f, 3f, 4f, -5f, 0.25f, 7f, 9f, -2f, 6f, 1f], 2, 3, 2, 1);
        using var y = new FirstChannelSigmoid().Forward(x);
        var xs = x.ToArray();
        var ys = y.ToArray();
        Assert.Equal(x.ShapeArray(), y.ShapeArray());
        for (var i = 0; i < xs.Length; i++)
        {
            var channel = i / 2 % 3;
            var expected = channel == 0 ? (float)(1 / (1 + Math.Exp(-xs[i]))) : xs[i];
            Assert.Equal(expected, ys[i], 6);
        }
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var x = GradientCheck.Leaf(41, -3f, 3f, 2, 4, 3, 3);
        GradientCheck.Check(a => new FirstChannelSigmoid().Forward(a[0]), [x]);
        var single = GradientCheck.Leaf(42, -3f, 3f, 1, 1, 2, 2);
        GradientCheck.Check(a => new FirstChannelSigmoid().Forward(a[0]), [single]);
    }

    [Fact]
    public void UNetHeadAppliesItAndExportsToOnnxAsSliceSigmoidConcat()
    {
        var plain = new UNetConfig { Levels = [4], Bottleneck = 8, OutputChannels = 3, OutputActivation = ActivationKind.None };
        var decode = plain with { OutputActivation = ActivationKind.SigmoidFirstChannel };
        Assert.Equal(decode.ToJson(), ModelConfig.FromJson(decode.ToJson()).ToJson());
        Assert.Contains("\"sigmoidFirstChannel\"", decode.ToJson(), StringComparison.Ordinal);

        var logits = ModelFactory.Create(plain, new RandomStream(5, 0));
        var probabilities = ModelFactory.Create(decode, new RandomStream(5, 0));
        using var input = Tensor.Uniform(new RandomStream(6, 0), -1f, 1f, 1, 1, 4, 4);
        using var raw = logits.Forward(input);
        using var mapped = probabilities.Forward(input);
        using var expected = new FirstChannelSigmoid().Forward(raw);
        Assert.Equal(expected.ToArray(), mapped.ToArray());

        var graph = ProtoMessage.Parse(OnnxExport.Build(probabilities, [1, 1, 4, 4], decode).ToBytes()).Message(7);
        var ops = graph.Messages(1).Select(n => n.String(4)).ToArray();
        Assert.Equal(["Conv", "Slice", "Sigmoid", "Slice", "Concat", "Identity"], ops[^6..]);
    }
}
