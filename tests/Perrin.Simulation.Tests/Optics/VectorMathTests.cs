using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class VectorMathTests
{
    [Fact]
    public void FourScaledRowsAddAsTheScalarSumAtEveryLengthAndOffset()
    {
        var pattern = new Random(3);
        float[] Row(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)pattern.NextDouble())];
        for (var length = 0; length <= 80; length++)
        {
            var (p, q, r, s) = (Row(length + 3), Row(length + 3), Row(length + 3), Row(length + 3));
            var (a, b, c, d) = (0.3f, 0.1f, 0.45f, 0.15f);
            var offset = length % 3;
            var target = Row(length + 1);
            var expected = (float[])target.Clone();
            for (var i = 0; i < length; i++)
            {
                expected[i + 1] += (a * p[i + offset]) + (b * q[i + offset]) + (c * r[i + offset]) + (d * s[i + offset]);
            }

            VectorMath.AddFourScaled(target.AsSpan(1), a, p.AsSpan(offset, length), b, q.AsSpan(offset, length), c, r.AsSpan(offset, length), d, s.AsSpan(offset, length));
            Assert.Equal(expected, target);
        }
    }
}
