using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class WinogradTransformF4Tests
{
    /// <summary>
    /// The input transform against Bᵀ·d·B written out in double (close), and the AVX2 transform against the scalar
    /// one (same bits), for runs shorter than, equal to and longer than a vector of 8 tiles.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(19)]
    public unsafe void InputMatchesTheDefinitionAndAvx2GivesTheScalarBits(int count)
    {
        const int stride = 4 * 24 + 40;
        var random = new RandomStream(91, (ulong)count);
        var source = TestArrays.Uniform(random, 6 * stride);
        var xiStride = count + 8;
        var scalar = new float[36 * xiStride];
        var avx2 = new float[36 * xiStride];
        fixed (float* s = source, d = scalar) WinogradTransformF4Scalar.Input(s, stride, count, d, xiStride);
        for (var k = 0; k < count; k++)
        for (var i = 0; i < 6; i++)
        for (var j = 0; j < 6; j++)
        {
            double exact = 0, scale = 0;
            for (var a = 0; a < 6; a++)
            for (var b = 0; b < 6; b++)
            {
                var term = BT[i, a] * source[a * stride + 4 * k + b] * BT[j, b];
                exact += term;
                scale += Math.Abs(term);
            }
            var actual = scalar[(6 * i + j) * xiStride + k];
            Assert.True(Math.Abs(actual - exact) <= 1e-6 * scale, $"tile {k}, V[{i},{j}] is {actual}, expected {exact}.");
        }
        if (!Sgemm.IsSupported(SgemmKernelKind.Avx2)) return;
        fixed (float* s = source, d = avx2) WinogradTransformF4Avx2.Input(s, stride, count, d, xiStride);
        for (var xi = 0; xi < 36; xi++)
            TestArrays.BitEqual(scalar.AsSpan(xi * xiStride, count), avx2.AsSpan(xi * xiStride, count), $"ξ {xi}");
    }

    /// <summary>
    /// The output transform against Aᵀ·M·A + bias in double, with and without ReLU, cropped to fewer columns and
    /// rows; the AVX2 transform must give the scalar bits and leave pixels past the valid ones untouched.
    /// </summary>
    [Theory]
    [InlineData(1, 3, 2)]
    [InlineData(5, 20, 4)]
    [InlineData(8, 32, 3)]
    [InlineData(19, 73, 1)]
    [InlineData(19, 76, 4)]
    public unsafe void OutputMatchesTheDefinitionAndAvx2GivesTheScalarBits(int count, int validColumns, int validRows)
    {
        const int outStride = 4 * 24 + 8;
        var random = new RandomStream(92, (ulong)(count * 100 + validColumns));
        var xiStride = count + 8;
        var m = TestArrays.Uniform(random, 36 * xiStride);
        const float bias = 0.25f;
        foreach (var relu in new[] { false, true })
        {
            var scalar = new float[4 * outStride];
            var avx2 = new float[4 * outStride];
            Array.Fill(scalar, float.NaN);
            Array.Fill(avx2, float.NaN);
            fixed (float* p = m, y = scalar)
                WinogradTransformF4Scalar.Output(p, xiStride, count, bias, relu, y, outStride, validColumns, validRows);
            for (var r = 0; r < 4; r++)
            for (var x = 0; x < outStride; x++)
            {
                var actual = scalar[r * outStride + x];
                if (r >= validRows || x >= validColumns)
                {
                    Assert.True(float.IsNaN(actual), $"row {r}, column {x} was written past the valid pixels.");
                    continue;
                }
                var (k, c) = (x / 4, x % 4);
                double exact = bias, scale = Math.Abs(bias);
                for (var a = 0; a < 6; a++)
                for (var b = 0; b < 6; b++)
                {
                    var term = AT[r, a] * m[(6 * a + b) * xiStride + k] * AT[c, b];
                    exact += term;
                    scale += Math.Abs(term);
                }
                if (relu) exact = Math.Max(0, exact);
                Assert.True(Math.Abs(actual - exact) <= 1e-6 * scale, $"relu {relu}: Y[{r},{x}] is {actual}, expected {exact}.");
            }
            if (!Sgemm.IsSupported(SgemmKernelKind.Avx2)) continue;
            fixed (float* p = m, y = avx2)
                WinogradTransformF4Avx2.Output(p, xiStride, count, bias, relu, y, outStride, validColumns, validRows);
            TestArrays.BitEqual(scalar, avx2, $"relu {relu}");
        }
    }

    private static readonly double[,] BT =
    {
        { 4, 0, -5, 0, 1, 0 }, { 0, -4, -4, 1, 1, 0 }, { 0, 4, -4, -1, 1, 0 }, { 0, -2, -1, 2, 1, 0 },
        { 0, 2, -1, -2, 1, 0 }, { 0, 4, 0, -5, 0, 1 },
    };

    private static readonly double[,] AT =
    {
        { 1, 1, 1, 1, 1, 0 }, { 0, 1, -1, 2, -2, 0 }, { 0, 1, 1, 4, 4, 0 }, { 0, 1, -1, 8, -8, 1 },
    };
}
