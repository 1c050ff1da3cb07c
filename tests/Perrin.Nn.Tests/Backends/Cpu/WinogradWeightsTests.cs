using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class WinogradWeightsTests
{
    /// <summary>
    /// U = G·g·Gᵀ formed in double and rounded once: the vector path (16 input channels at a time) and the channel
    /// remainder must give the bits of the formula written out per channel, in both layouts, with input channel
    /// counts below, at and past whole vector groups.
    /// </summary>
    [Theory]
    [InlineData(3, 5)]
    [InlineData(2, 16)]
    [InlineData(5, 37)]
    [InlineData(17, 64)]
    public unsafe void TransformGivesTheBitsOfTheFormulaPerChannel(int cOut, int cIn)
    {
        var random = new RandomStream(71, (ulong)(cOut * 1000 + cIn));
        var weight = TestArrays.Uniform(random, cOut * cIn * 9);
        foreach (var adjoint in new[] { false, true })
        {
            // The adjoint reads the weight as [cIn][cOut][3][3].
            var (rows, columns) = adjoint ? (cIn, cOut) : (cOut, cIn);
            var actual = new float[16 * rows * columns];
            fixed (float* w = weight, u = actual) WinogradWeights.Transform(w, rows, columns, adjoint, u);
            for (var co = 0; co < rows; co++)
            for (var ci = 0; ci < columns; ci++)
            {
                var g = new double[9];
                for (var k = 0; k < 9; k++)
                    g[k] = adjoint ? weight[(ci * rows + co) * 9 + 8 - k] : weight[(co * columns + ci) * 9 + k];
                var t = new double[12];
                for (var c = 0; c < 3; c++)
                {
                    t[c] = g[c];
                    t[3 + c] = 0.5 * (g[c] + g[3 + c] + g[6 + c]);
                    t[6 + c] = 0.5 * (g[c] - g[3 + c] + g[6 + c]);
                    t[9 + c] = g[6 + c];
                }
                for (var i = 0; i < 4; i++)
                {
                    var (r0, r1, r2) = (t[3 * i], t[3 * i + 1], t[3 * i + 2]);
                    double[] row = [r0, 0.5 * (r0 + r1 + r2), 0.5 * (r0 - r1 + r2), r2];
                    for (var j = 0; j < 4; j++)
                    {
                        var at = (4 * i + j) * rows * columns + co * columns + ci;
                        Assert.True(BitConverter.SingleToInt32Bits((float)row[j]) == BitConverter.SingleToInt32Bits(actual[at]),
                            $"adjoint {adjoint}: U[{4 * i + j}][{co}][{ci}] is {actual[at]}, expected {(float)row[j]}.");
                    }
                }
            }
        }
    }
}
