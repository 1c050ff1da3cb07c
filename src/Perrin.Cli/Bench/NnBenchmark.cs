using System.Diagnostics;
using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Backends;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;

namespace Perrin.Cli.Bench;

/// <summary>
/// Times the standard networks as torch_reference.py does: three warm-up steps, then the median of
/// <c>steps</c> training steps (zero-grad, forward, loss, backward, Adam) and of as many no-grad forward passes.
/// </summary>
internal static class NnBenchmark
{
    private const int WarmUp = 3;

    public static NnBenchResult Measure(NnBenchCase bench, int threads, int steps)
    {
        Backend.UseCpu(threads);
        var rng = new RandomStream(0, (ulong)NnBenchCase.All.ToList().IndexOf(bench));
        var model = ModelFactory.Create(bench.Config, rng);
        using var x = Tensor.Uniform(rng, 0f, 1f, bench.InputShape);
        using var y = Target(bench, rng, model, x);
        var adam = new Adam(model.NamedParameters(), 1e-3);

        void TrainStep()
        {
            adam.ZeroGrad();
            var output = model.Forward(x);
            var loss = bench.BinaryMask ? Loss.Bce(output, y) : Loss.L1(output, y);
            loss.Backward();
            adam.Step();
            loss.DisposeGraph();
        }

        void Infer()
        {
            using var scope = GradMode.NoGrad();
            model.Forward(x).Dispose();
        }

        var train = Time(TrainStep, steps);
        var infer = Time(Infer, steps);
        return new NnBenchResult(bench.Name, model.ParameterCount(), bench.InputShape[0], train, infer);
    }

    private static Tensor Target(NnBenchCase bench, RandomStream rng, Perrin.Nn.Layers.Module model, Tensor x)
    {
        if (!bench.BinaryMask)
        {
            using var scope = GradMode.NoGrad();
            using var probe = model.Forward(x);
            return Tensor.Uniform(rng, 0f, 1f, probe.ShapeArray());
        }

        // A sparse mask, 5 % foreground, like the reference's (rand > 0.95).
        var t = Tensor.Uniform(rng, 0f, 1f, bench.InputShape);
        var s = t.Span;
        for (var i = 0; i < s.Length; i++) s[i] = s[i] > 0.95f ? 1f : 0f;
        return t;
    }

    private static double Time(Action step, int steps)
    {
        for (var i = 0; i < WarmUp; i++) step();
        var times = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var clock = Stopwatch.StartNew();
            step();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[steps / 2];
    }
}
