using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Models;

/// <summary>A small U-Net learns to segment noisy disks generated in the test.</summary>
public class DiskSegmentationTests(ITestOutputHelper log)
{
    private const int Size = 32;

    /// <summary>
    /// Images of 1–3 disks (radius 3–6 px, brightness 0.5–1) on a dark background with Gaussian noise σ 0.25, and
    /// their masks. The noise is large enough that thresholding a pixel alone mislabels about 2% of the background.
    /// </summary>
    private static (Tensor Images, Tensor Masks) Batch(RandomStream rng, int n)
    {
        var images = Tensor.Zeros(n, 1, Size, Size);
        var masks = Tensor.Zeros(n, 1, Size, Size);
        var img = images.Span;
        var msk = masks.Span;
        for (var b = 0; b < n; b++)
        {
            var disks = 1 + rng.NextInt(3);
            for (var d = 0; d < disks; d++)
            {
                var r = rng.Uniform(3, 6);
                var cx = rng.Uniform(r, Size - r);
                var cy = rng.Uniform(r, Size - r);
                var brightness = (float)rng.Uniform(0.5, 1);
                for (var y = 0; y < Size; y++)
                    for (var x = 0; x < Size; x++)
                    {
                        var dx = x + 0.5 - cx;
                        var dy = y + 0.5 - cy;
                        if ((dx * dx) + (dy * dy) > r * r) continue;
                        var i = (((b * Size) + y) * Size) + x;
                        img[i] = brightness;
                        msk[i] = 1f;
                    }
            }
        }
        for (var i = 0; i < img.Length; i++) img[i] += (float)rng.Normal(0, 0.25);
        return (images, masks);
    }

    [Fact]
    public void SmallUNetLearnsToSegmentDisks()
    {
        var config = new UNetConfig { Levels = [8, 16], Bottleneck = 16 };
        var model = ModelFactory.Create(config, new RandomStream(21, 0));
        var adam = new Adam(model.NamedParameters(), learningRate: 1e-2);
        var data = new RandomStream(22, 0);
        var (valImages, valMasks) = Batch(new RandomStream(23, 0), 16);
        var first = Validate(model, valImages, valMasks).Loss;
        for (var step = 0; step < 60; step++)
        {
            var (x, y) = Batch(data, 8);
            adam.ZeroGrad();
            var output = model.Forward(x);
            var loss = Loss.Bce(output, y);
            loss.Backward();
            adam.Step();
            loss.DisposeGraph();
            x.Dispose();
            y.Dispose();
        }
        var (last, accuracy) = Validate(model, valImages, valMasks);
        log.WriteLine($"validation BCE {first:G4} → {last:G4}, pixel accuracy {accuracy:P2}");
        Assert.True(last < 0.08, $"validation BCE {last} after 60 steps (from {first})");
        Assert.True(accuracy > 0.98, $"pixel accuracy {accuracy}");
    }

    private static (float Loss, double Accuracy) Validate(Perrin.Nn.Layers.Module model, Tensor images, Tensor masks)
    {
        model.Eval();
        using var scope = GradMode.NoGrad();
        using var p = model.Forward(images);
        using var loss = Loss.Bce(p, masks);
        var correct = 0;
        var ps = p.Span;
        var ms = masks.Span;
        for (var i = 0; i < ps.Length; i++)
            if ((ps[i] > 0.5f) == (ms[i] > 0.5f)) correct++;
        model.Train();
        return (loss.Item(), (double)correct / ps.Length);
    }
}
