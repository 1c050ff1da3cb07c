using Perrin.Nn.Ops;

namespace Perrin.Nn.Tests.Ops;

public class PositiveMaskTests
{
    [Fact]
    public void KeepsTheGradientExactlyWhereTheOutputIsPositiveAtEveryLengthAndOffset()
    {
        float[] outputs = [1f, 0f, -0f, -2f, float.NaN, float.Epsilon, -float.Epsilon, float.PositiveInfinity, 3.5f];
        for (var length = 0; length < 70; length++)
        {
            var y = new float[length];
            var g = new float[length];
            for (var i = 0; i < length; i++)
            {
                y[i] = outputs[(i * 7 + length) % outputs.Length];
                g[i] = i % 5 == 0 ? -0f : i * 0.25f - 3f;
            }
            var d = new float[length];
            Array.Fill(d, float.NaN);
            PositiveMask.Apply(g, y, d);
            for (var i = 0; i < length; i++)
            {
                var expected = y[i] > 0f ? g[i] : 0f;
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(d[i]),
                    $"length {length}, element {i}: output {y[i]}, gradient {g[i]}, got {d[i]}");
            }
        }
    }

    [Fact]
    public void SplitOverThreadsGivesTheSameBitsAsOnePass()
    {
        var length = (3 * PositiveMask.Block) + 77;
        var y = new float[length];
        var g = new float[length];
        for (var i = 0; i < length; i++)
        {
            y[i] = (i * 37 % 11) - 5f;
            g[i] = (i % 13) - 6.5f;
        }
        var one = new float[length];
        PositiveMask.Apply(g, y, one);
        foreach (var threads in new[] { 2, 3 })
        {
            var split = new float[length];
            Array.Fill(split, float.NaN);
            PositiveMask.Apply(g, y, split, threads);
            Assert.Equal(one, split);
        }
        Assert.Equal(y[5] > 0f ? g[5] : 0f, one[5]);
        Assert.Equal(0f, one[Array.FindIndex(y, v => v <= 0f)]);
    }

    [Fact]
    public void RejectsMismatchedLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => PositiveMask.Apply(new float[3], new float[2], new float[3]));
        Assert.Contains("ReLU backward", e.Message);
    }
}
