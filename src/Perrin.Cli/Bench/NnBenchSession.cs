using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Backends;
using Perrin.Nn.Layers;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;

namespace Perrin.Cli.Bench;

/// <summary>
/// One standard network ready to be stepped: the model, its fixed input and target, and Adam at lr 1e-3, on the CPU
/// backend with the given threads. A training step is zero-grad, forward, loss, backward and the optimizer step.
/// </summary>
internal sealed class NnBenchSession : IDisposable
{
    private readonly NnBenchCase _bench;
    private readonly Module _model;
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly Adam _adam;

    private NnBenchSession(NnBenchCase bench, Module model, Tensor x, Tensor y)
    {
        _bench = bench;
        _model = model;
        _x = x;
        _y = y;
        _adam = new Adam(model.NamedParameters(), 1e-3);
    }

    public long Parameters => _model.ParameterCount();

    public int Batch => _bench.InputShape[0];

    public static NnBenchSession Create(NnBenchCase bench, int threads)
    {
        Backend.UseCpu(threads);
        var rng = new RandomStream(0, (ulong)NnBenchCase.All.ToList().IndexOf(bench));
        var model = ModelFactory.Create(bench.Config, rng);
        var x = Tensor.Uniform(rng, 0f, 1f, bench.InputShape);
        return new NnBenchSession(bench, model, x, Target(bench, rng, model, x));
    }

    public void TrainStep()
    {
        _adam.ZeroGrad();
        var output = _model.Forward(_x);
        var loss = _bench.BinaryMask ? Loss.Bce(output, _y) : Loss.L1(output, _y);
        loss.Backward();
        _adam.Step();
        loss.DisposeGraph();
    }

    public void Infer()
    {
        using var scope = GradMode.NoGrad();
        _model.Forward(_x).Dispose();
    }

    public void Dispose()
    {
        _x.Dispose();
        _y.Dispose();
    }

    private static Tensor Target(NnBenchCase bench, RandomStream rng, Module model, Tensor x)
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
}
