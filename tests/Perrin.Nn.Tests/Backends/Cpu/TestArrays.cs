using Perrin.Core.Randomness;

namespace Perrin.Nn.Tests.Backends.Cpu;

internal static class TestArrays
{
    public static float[] Uniform(RandomStream random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = (float)random.Uniform(-1, 1);
        return values;
    }

    /// <summary>Asserts |actual − expected| ≤ relative·scale + 1e-6 element by element; scale is the sum of |terms| in the exact result.</summary>
    public static void Close(double[] expected, double[] scale, ReadOnlySpan<float> actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = relative * scale[i] + 1e-6;
            if (Math.Abs(actual[i] - expected[i]) > tolerance)
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (tolerance {tolerance:g3}).");
        }
    }

    public static void BitEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, expected {expected[i]:R}.");
        }
    }
}
