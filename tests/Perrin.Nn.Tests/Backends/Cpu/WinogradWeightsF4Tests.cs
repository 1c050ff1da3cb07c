using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class WinogradWeightsF4Tests
{
    private static readonly double[,] G =
    {
        { 1.0 / 4, 0, 0 }, { -1.0 / 6, -1.0 / 6, -1.0 / 6 }, { -1.0 / 6, 1.0 / 6, -1.0 / 6 },
        { 1.0 / 24, 1.0 / 12, 1.0 / 6 }, { 1.0 / 24, -1.0 / 12, 1.0 / 6 }, { 0, 0, 1 },
    };

    /// <summary>
    /// U = G·g·Gᵀ, formed in double and rounded once: within one float rounding of the matrix product, in both
    /// layouts, for input channel counts below, at and past whole groups of 8; and a channel's bits do not depend on
    /// its place in a vector (the same kernel transformed alone gives the same bits).
    /// </summary>
    [Theory]
    [InlineData(3, 5)]
    [InlineData(2, 8)]
    [InlineData(5, 37)]
    public unsafe void TransformIsGgGtRoundedOnceWhateverTheChannelsPlace(int cOut, int cIn)
    {
        var random = new RandomStream(72, (ulong)(cOut * 1000 + cIn));
        var weight = TestArrays.Uniform(random, cOut * cIn * 9);
        foreach (var adjoint in new[] { false, true })
        {
            var (rows, columns) = adjoint ? (cIn, cOut) : (cOut, cIn);
            var actual = new float[36 * rows * columns];
            fixed (float* w = weight, u = actual) WinogradWeightsF4.Transform(w, rows, columns, adjoint, u);
            for (var co = 0; co < rows; co++)
            for (var ci = 0; ci < columns; ci++)
            {
                var g = new double[3, 3];
                var alone = new float[9];
                for (var k = 0; k < 9; k++)
                {
                    var at = adjoint ? (ci * rows + co) * 9 + 8 - k : (co * columns + ci) * 9 + k;
                    g[k / 3, k % 3] = weight[at];
                    alone[adjoint ? 8 - k : k] = weight[at];
                }
                var single = new float[36];
                fixed (float* w = alone, u = single) WinogradWeightsF4.Transform(w, 1, 1, adjoint, u);
                for (var i = 0; i < 6; i++)
                for (var j = 0; j < 6; j++)
                {
                    double exact = 0;
                    for (var a = 0; a < 3; a++)
                    for (var b = 0; b < 3; b++) exact += G[i, a] * g[a, b] * G[j, b];
                    var value = actual[(6 * i + j) * rows * columns + co * columns + ci];
                    Assert.True(Math.Abs(value - exact) <= 1.2e-7 * Math.Abs(exact) + 1e-12,
                        $"adjoint {adjoint}: U[{6 * i + j}][{co}][{ci}] is {value}, expected {exact}.");
                    Assert.True(BitConverter.SingleToInt32Bits(value) == BitConverter.SingleToInt32Bits(single[6 * i + j]),
                        $"adjoint {adjoint}: U[{6 * i + j}][{co}][{ci}] differs from the kernel transformed alone.");
                }
            }
        }
    }
}
