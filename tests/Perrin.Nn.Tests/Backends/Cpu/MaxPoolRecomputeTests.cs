using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class MaxPoolRecomputeTests
{
    public static TheoryData<int, int, int, int, int, int> Geometries => new()
    {
        // n, c, h, w, kernel, stride (padding kernel/2 for odd kernels)
        { 2, 3, 8, 8, 2, 2 },
        { 1, 2, 7, 37, 2, 2 },
        { 3, 1, 5, 16, 2, 2 },
        { 2, 2, 11, 30, 2, 2 },
        { 1, 2, 9, 9, 2, 2 },
        { 2, 1, 4, 13, 2, 2 },
        { 1, 1, 3, 5, 2, 2 },
        { 2, 2, 9, 9, 3, 2 },
        { 1, 3, 6, 11, 3, 1 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void EqualsTheIndexedKernelIncludingTiesAndNaN(int n, int c, int h, int w, int k, int s)
    {
        var g = new Pool2dGeometry(n, c, h, w, k, k, s, s, k % 2 == 1 ? k / 2 : 0, k % 2 == 1 ? k / 2 : 0);
        var rng = new RandomStream(5, (ulong)(h * 100 + w));
        var x = new float[g.InputLength];
        // Few distinct values make ties common; some NaN exercise the NaN-wins rule.
        for (var i = 0; i < x.Length; i++) x[i] = rng.NextInt(20) == 0 ? float.NaN : rng.NextInt(4);
        var gy = new float[g.OutputLength];
        for (var i = 0; i < gy.Length; i++) gy[i] = (float)rng.Uniform(-1, 1);

        var y0 = new float[g.OutputLength];
        var idx = new int[g.OutputLength];
        PoolingKernels.MaxPoolForward(g, x, y0, idx);
        var gx0 = new float[g.InputLength];
        PoolingKernels.MaxPoolBackward(g, gy, idx, gx0);

        foreach (var threads in new[] { 1, 2, 3 })
        {
            var y1 = new float[g.OutputLength];
            MaxPoolRecompute.Forward(g, x, y1, threads);
            Assert.Equal(y0.Select(BitConverter.SingleToInt32Bits).Select(b => float.IsNaN(BitConverter.Int32BitsToSingle(b)) ? 0x7fc00000 : b),
                y1.Select(BitConverter.SingleToInt32Bits).Select(b => float.IsNaN(BitConverter.Int32BitsToSingle(b)) ? 0x7fc00000 : b));
            var gx1 = new float[g.InputLength];
            Array.Fill(gx1, float.NaN);
            MaxPoolRecompute.Backward(g, x, gy, gx1, threads);
            Assert.Equal(gx0, gx1);
        }
    }

    [Fact]
    public void WrongLengthsNameTheOp()
    {
        var g = new Pool2dGeometry(1, 1, 4, 4, 2, 2, 2, 2);
        var e = Assert.Throws<ArgumentException>(() => MaxPoolRecompute.Forward(g, new float[15], new float[4], 1));
        Assert.Contains("MaxPool2d", e.Message);
    }
}
