using Perrin.Core.Randomness;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

/// <summary>y = sin(2x₀) + 0.5·x₁ for x uniform in [−1, 1]²; optionally a NaN input in one batch.</summary>
public sealed class RegressionSource(long nanBatch = -1) : IDataSource
{
    public Batch CreateBatch(int batchSize, RandomStream rng)
    {
        var x = Tensor.Empty(batchSize, 2);
        var y = Tensor.Empty(batchSize, 1);
        var xs = x.Span;
        var ys = y.Span;
        for (var i = 0; i < batchSize; i++)
        {
            var a = (float)rng.Uniform(-1, 1);
            var b = (float)rng.Uniform(-1, 1);
            xs[2 * i] = a;
            xs[(2 * i) + 1] = b;
            ys[i] = MathF.Sin(2f * a) + (0.5f * b);
        }
        if ((long)rng.Stream == nanBatch && rng.Purpose != BatchSeeds.Validation(0, 0).Purpose) xs[0] = float.NaN;
        return new Batch(x, y);
    }
}
