using Perrin.Core.Randomness;
using Perrin.Nn.Backends;
using Perrin.Nn.Layers;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Models;

/// <summary>
/// One full training step (forward, loss, backward, Adam) of the bench networks against PyTorch's unet_step and
/// cnn_step fixtures. Every tensor is compared relative to its own largest magnitude: float32 sums taken in another
/// order than oneDNN's differ by a few ulps of the largest term; measured here: at most 1.4e-6 for any gradient.
/// The Adam step moves each weight by about lr·sign(g) = 1e-3, so the updated weights are compared as
/// after − before against PyTorch's change, which would expose a wrong sign, scale or bias correction.
/// </summary>
public class GoldenTrainingStepTests(ITestOutputHelper log)
{
    // Relative agreement for outputs, loss and gradients: 15× the largest error measured (see the class comment).
    private const double Tolerance = 2e-5;

    // Adam divides by √v + ε with v = g² after one step, so a gradient that is itself rounding noise (|g| near
    // 1e-8 relative to its tensor) moves its step by a fraction of lr; measured at most 4.6e-4 of lr.
    private const double StepTolerance = 1e-3;

    [Fact]
    public void UNetStepMatchesPyTorch()
    {
        var gc = Golden.GoldenCase.Load("unet_step");
        var config = new UNetConfig { Levels = [4, 8], Bottleneck = 16 };
        Run(gc, ModelFactory.Create(config, new RandomStream(1, 0)), (o, t) => Loss.Bce(o, t));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void BenchUNetStepMatchesPyTorch(int threads)
    {
        var previous = Backend.Current;
        Backend.UseCpu(threads);
        try
        {
            var gc = Golden.GoldenCase.Load("unet_bench_step");
            Run(gc, ModelFactory.Create(UNetConfig.Bench, new RandomStream(1, 0)), (o, t) => Loss.Bce(o, t));
        }
        finally
        {
            Backend.Current = previous;
        }
    }

    [Fact]
    public void CnnStepMatchesPyTorch()
    {
        var gc = Golden.GoldenCase.Load("cnn_step");
        Run(gc, ModelFactory.Create(CnnConfig.Bench, new RandomStream(1, 0)), (o, t) => Loss.L1(o, t));
    }

    private void Run(Golden.GoldenCase gc, Module model, Func<Tensor, Tensor, Tensor> lossFn)
    {
        gc.LoadInto(model);
        var before = new Dictionary<string, float[]>();
        foreach (var (name, p) in model.NamedParameters()) before[name] = p.ToArray();
        var x = gc.Read("input");
        var output = model.Forward(x);
        Compare(gc, "output", output.Span, gc.Get("output").Data, Tolerance);
        var loss = lossFn(output, gc.Read("target"));
        Compare(gc, "loss", loss.Span, gc.Get("loss").Data, Tolerance);
        loss.Backward();
        var worstGrad = 0.0;
        foreach (var (name, p) in model.NamedParameters())
        {
            Assert.NotNull(p.Grad);
            worstGrad = Math.Max(worstGrad, Compare(gc, "grad." + name, p.Grad!.Span, gc.Get("grad." + name).Data, Tolerance));
        }
        var adam = new Adam(model.NamedParameters(), learningRate: 1e-3);
        adam.Step();
        var worstStep = 0.0;
        foreach (var (name, p) in model.NamedParameters())
        {
            var expected = gc.Get("after." + name).Data;
            var b = before[name];
            var actualDelta = new float[b.Length];
            var expectedDelta = new float[b.Length];
            for (var i = 0; i < b.Length; i++)
            {
                actualDelta[i] = p.Span[i] - b[i];
                expectedDelta[i] = expected[i] - b[i];
            }
            worstStep = Math.Max(worstStep, Compare(gc, "after." + name, actualDelta, expectedDelta, StepTolerance));
        }
        log.WriteLine($"{gc.Name}: worst relative gradient error {worstGrad:G3}, worst relative step error {worstStep:G3}");
        output.DisposeGraph();
    }

    /// <summary>Asserts agreement relative to the largest expected magnitude; returns and logs that relative error.</summary>
    private double Compare(Golden.GoldenCase gc, string name, ReadOnlySpan<float> actual, float[] expected, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = 0.0;
        foreach (var v in expected) scale = Math.Max(scale, Math.Abs(v));
        Assert.True(scale > 0, $"{gc.Name}/{name}: the fixture is all zeros.");
        var worst = 0.0;
        var at = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = Math.Abs((double)actual[i] - expected[i]);
            if (!(e <= worst))
            {
                worst = double.IsNaN(e) ? double.PositiveInfinity : e;
                at = i;
            }
        }
        var relative = worst / scale;
        log.WriteLine($"{gc.Name}/{name}: max |error| {worst:G3}, relative {relative:G3}");
        Assert.True(relative <= tolerance,
            $"{gc.Name}/{name}: element {at} is {actual[at]:G9}, PyTorch {expected[at]:G9} (relative error {relative:G3}, allowed {tolerance:G3}).");
        return relative;
    }
}
