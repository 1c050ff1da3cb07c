using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class DirectConvWeightGradAvx2Row3Tests
{
    /// <summary>
    /// The three-tap AVX2 kernel sums each lane's products in the one-tap kernel's order, so tap by tap its partial sums
    /// have the one-tap kernel's bits, starting from the same sums, over rows with a partial last vector and over rows
    /// of whole vectors; a wrong tap shift, channel or accumulator offset breaks the equality.
    /// </summary>
    [Theory]
    [InlineData(29, 5)]
    [InlineData(16, 3)]
    [InlineData(5, 2)]
    public unsafe void ThreeTapsKeepTheOneTapBits(int width, int rows)
    {
        if (!Sgemm.IsSupported(SgemmKernelKind.Avx2)) return;
        const int Lanes = DirectConvWeightGradAvx2Row3.Lanes;
        const int TapFloats = DirectConvWeightGradAvx2Row3.OutChannels * DirectConvWeightGradAvx2Row3.InChannels * Lanes;
        const int OneTapFloats = DirectConvWeightGradAvx2.OutChannels * DirectConvWeightGradAvx2.InChannels * Lanes;
        var (gRow, xRow) = (width + 3, width + 7);
        var random = new RandomStream(31, 1);
        var g = TestArrays.Uniform(random, 2 * rows * gRow);
        var x = TestArrays.Uniform(random, 2 * rows * xRow + 8);
        var start = TestArrays.Uniform(random, 3 * TapFloats);
        var three = (float[])start.Clone();
        fixed (float* pg = g, px = x, acc = three)
        {
            DirectConvWeightGradAvx2Row3.Run(pg, pg + rows * gRow, gRow, px, px + rows * xRow, xRow, rows, width, acc);
        }

        for (var kx = 0; kx < 3; kx++)
        {
            // The one-tap kernel takes 4 output channels; the last two repeat the first two and are not compared.
            var one = new float[OneTapFloats];
            Array.Copy(start, kx * TapFloats, one, 0, TapFloats);
            fixed (float* pg = g, px = x, acc = one)
            {
                var g0 = pg;
                var g1 = pg + (rows * gRow);
                DirectConvWeightGradAvx2.Run(g0, g1, g0, g1, gRow, px + kx, px + rows * xRow + kx, xRow, rows, width, acc);
            }

            TestArrays.BitEqual(one.AsSpan(0, TapFloats), three.AsSpan(kx * TapFloats, TapFloats), $"tap {kx}, width {width}");
        }
    }
}
