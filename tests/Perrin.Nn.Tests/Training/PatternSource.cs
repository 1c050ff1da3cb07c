using Perrin.Core.Randomness;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

/// <summary>
/// Samples that show where they came from: every pixel of the input holds the sample's stream index × 1000 plus
/// its own position (so no symmetry maps a sample onto itself); the target's channel 0 copies the input and
/// channel 1 is the input + 0.5.
/// </summary>
public sealed class PatternSource(int width, int height) : IDataSource
{
    public Batch CreateBatch(int batchSize, RandomStream rng)
    {
        var plane = width * height;
        var input = Tensor.Empty(batchSize, 1, height, width);
        var target = Tensor.Empty(batchSize, 2, height, width);
        for (var i = 0; i < batchSize; i++)
        {
            var id = (float)((rng.Stream * 1000) + (ulong)i);
            for (var k = 0; k < plane; k++)
            {
                var v = (id * 100) + k;
                input.Span[(i * plane) + k] = v;
                target.Span[(2 * i * plane) + k] = v;
                target.Span[((2 * i) + 1) * plane + k] = v + 0.5f;
            }
        }

        return new Batch(input, target);
    }

    /// <summary>The sample a pixel value came from.</summary>
    public static long SampleOf(float value) => (long)Math.Floor(value / 100_000);
}
