using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Models;

public class ModelShapeTests
{
    [Theory]
    [MemberData(nameof(SampleConfigs.Names), MemberType = typeof(SampleConfigs))]
    public void TrainingForwardGivesTheShapeAndGradientsReachEveryParameter(string name)
    {
        var (config, input, output) = SampleConfigs.Get(name);
        var model = ModelFactory.Create(config, new RandomStream(2, 0));
        using var x = Tensor.Uniform(new RandomStream(3, 0), -1f, 1f, input);
        var y = model.Forward(x);
        Assert.Equal(output, y.ShapeArray());
        Reductions.Sum(Elementwise.Square(y)).Backward();
        var trained = model is Pix2PixModel p ? p.Generator : model;
        foreach (var (n, t) in trained.NamedParameters()) Assert.True(t.Grad is not null, $"{name}: no gradient reached {n}");
        Assert.False(x.IsDisposed);
    }

    [Theory]
    [MemberData(nameof(SampleConfigs.Names), MemberType = typeof(SampleConfigs))]
    public void InferenceGivesTheTrainingModeShapeAndLeavesTheInputAlone(string name)
    {
        var (config, input, output) = SampleConfigs.Get(name);
        var model = ModelFactory.Create(config, new RandomStream(2, 0));
        model.Eval();
        using var x = Tensor.Uniform(new RandomStream(3, 0), -1f, 1f, input);
        var copy = x.ToArray();
        using (GradMode.NoGrad())
        {
            using var y = model.Forward(x);
            Assert.Equal(output, y.ShapeArray());
            Assert.False(y.RequiresGrad);
        }
        Assert.False(x.IsDisposed);
        Assert.Equal(copy, x.ToArray());
    }

    /// <summary>
    /// The decoder's first convolutions read the upsampled and skip maps where they lie instead of a concatenated
    /// copy; on 64 × 64 images the bench U-Net's three levels take the direct kernel (64 and 32 pixels) and Winograd
    /// (16 pixels). The output, with and without gradient recording, and the training gradients must keep the bits of
    /// the same network run with explicit concatenations.
    /// </summary>
    [Fact]
    public void SkipConnectionsReadWhereTheyLieWithTheBitsOfTheConcatenation()
    {
        var model = (UNet)ModelFactory.Create(UNetConfig.Bench, new RandomStream(5, 0));
        using var x = Tensor.Uniform(new RandomStream(6, 0), 0f, 1f, 2, 1, 64, 64);
        var explicitOutput = Concatenating(model, x);
        var expected = explicitOutput.ToArray();
        Reductions.Sum(Elementwise.Square(explicitOutput)).Backward();
        var expectedGrads = model.NamedParameters().Select(p => p.Tensor.Grad!.ToArray()).ToList();
        foreach (var (_, t) in model.NamedParameters()) t.Grad = null;
        var recorded = model.Forward(x);
        Assert.Equal(expected, recorded.ToArray());
        Reductions.Sum(Elementwise.Square(recorded)).Backward();
        var grads = model.NamedParameters().Select(p => p.Tensor.Grad!.ToArray()).ToList();
        for (var i = 0; i < grads.Count; i++) Assert.Equal(expectedGrads[i], grads[i]);
        using (GradMode.NoGrad())
        {
            using var plain = model.Forward(x);
            Assert.Equal(expected, plain.ToArray());
        }
    }

    /// <summary>The U-Net's forward pass written out with Concat before each decoder block.</summary>
    private static Tensor Concatenating(ConvDecoderNetwork m, Tensor input)
    {
        var skips = new List<Tensor>();
        var x = input;
        for (var i = 0; i < m.Down.Count; i++)
        {
            x = m.Down[i].Forward(x);
            skips.Add(x);
            x = m.Pool.Forward(x);
        }
        x = m.Mid.Forward(x);
        for (var j = 0; j < m.Up.Count; j++)
        {
            x = m.Up[j].Forward(x);
            x = m.Dec[j].Forward(Reshaping.Concat([x, skips[m.Down.Count - 1 - j]], 1));
        }
        return Activations.Sigmoid(m.Head.Forward(x));
    }

    [Fact]
    public void EvalOutputIsTheSameWithAndWithoutGradientRecording()
    {
        var model = ModelFactory.Create(SampleConfigs.UNet, new RandomStream(2, 0));
        model.Eval();
        using var x = Tensor.Uniform(new RandomStream(3, 0), -1f, 1f, 2, 1, 8, 12);
        var recorded = model.Forward(x);
        using (GradMode.NoGrad())
        {
            using var plain = model.Forward(x);
            Assert.Equal(recorded.ToArray(), plain.ToArray());
        }
        recorded.DisposeGraph();
    }

    [Fact]
    public void DiscriminatorScoresPatchesOfConditionAndImage()
    {
        var pix = (Pix2PixModel)ModelFactory.Create(SampleConfigs.Pix2Pix, new RandomStream(2, 0));
        using var condition = Tensor.Uniform(new RandomStream(3, 0), -1f, 1f, 2, 1, 16, 16);
        using var image = Tensor.Uniform(new RandomStream(4, 0), -1f, 1f, 2, 1, 16, 16);
        var logits = pix.Discriminate(condition, image);
        Assert.Equal([2, 1, 3, 3], logits.ShapeArray());
        Assert.False(condition.IsDisposed || image.IsDisposed);
        var fake = pix.Forward(condition);
        foreach (var v in fake.Span) Assert.InRange(v, -1f, 1f);
        fake.DisposeGraph();
        logits.DisposeGraph();
        using var narrow = Tensor.Zeros(2, 1, 16, 8);
        var e = Assert.Throws<ArgumentException>(() => pix.Discriminate(condition, narrow));
        Assert.Contains("condition [2, 1, 16, 16] and image [2, 1, 16, 8]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainReleasesIntermediatesOnlyWithoutAGraph()
    {
        var spies = new[] { new Spy(), new Spy(), new Spy() };
        var chain = new Chain().Add(spies[0]).Add(spies[1]).Add(spies[2]);
        using var x = Tensor.Ones(2, 3);
        using (GradMode.NoGrad())
        {
            using var y = chain.Forward(x);
            Assert.False(x.IsDisposed);
            Assert.True(spies[0].Output!.IsDisposed);
            Assert.True(spies[1].Output!.IsDisposed);
            Assert.False(y.IsDisposed);
        }
        x.RequiresGrad = true;
        var z = chain.Forward(x);
        Assert.False(spies[0].Output!.IsDisposed);
        Assert.False(spies[1].Output!.IsDisposed);
        z.DisposeGraph();
    }

    private sealed class Spy : Module
    {
        public Tensor? Output { get; private set; }

        public override Tensor Forward(Tensor input) => Output = Elementwise.MulScalar(input, 2f);
    }

    [Fact]
    public void WrongInputsNameTheModelAndBothShapes()
    {
        var rng = new RandomStream(2, 0);
        using var image = Tensor.Zeros(1, 1, 30, 30);
        var e = Assert.Throws<ArgumentException>(() => ModelFactory.Create(UNetConfig.Bench, rng).Forward(image));
        Assert.Contains("UNet: input of shape [1, 1, 30, 30], expected [N, 1, H, W] with H and W positive multiples of 8", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => ModelFactory.Create(CnnConfig.Bench, rng).Forward(image));
        Assert.Contains("Cnn: input of shape [1, 1, 30, 30], expected [N, 1, 51, 51]", e.Message, StringComparison.Ordinal);
        using var rows = Tensor.Zeros(4, 7);
        e = Assert.Throws<ArgumentException>(() => ModelFactory.Create(SampleConfigs.Mlp, rng).Forward(rows));
        Assert.Contains("Mlp: input of shape [4, 7], expected [N, 3]", e.Message, StringComparison.Ordinal);
        using var track = Tensor.Zeros(2, 5, 3);
        e = Assert.Throws<ArgumentException>(() => ModelFactory.Create(SampleConfigs.Sequence, rng).Forward(track));
        Assert.Contains("SequenceModel: input of shape [2, 5, 3], expected [N, T ≥ 1, 2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelListIsNotRunnableItself()
    {
        var unet = (UNet)ModelFactory.Create(SampleConfigs.UNet, new RandomStream(2, 0));
        using var x = Tensor.Zeros(1, 1, 8, 8);
        Assert.Throws<InvalidOperationException>(() => unet.Down.Forward(x));
    }
}
