using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class Im2ColBatchTests
{
    // N, Cin, H, W, Cout, KH, KW, pad, stride: several images per GEMM with a short last chunk, padding, a stride,
    // and the small-CNN layer that motivated the path.
    private static readonly int[][] Shapes =
    [
        [7, 3, 6, 5, 4, 3, 3, 1, 1],
        [5, 2, 9, 7, 5, 3, 2, 0, 2],
        [11, 4, 4, 4, 3, 1, 3, 0, 1],
        [32, 32, 11, 11, 64, 3, 3, 0, 1],
    ];

    [Fact]
    public void DataGradientMatchesTheDefinitionAndThePerImagePathBitForBit()
    {
        foreach (var a in Shapes)
        {
            var g = new Conv2dGeometry(a[0], a[1], a[2], a[3], a[4], a[5], a[6], strideH: a[8], strideW: a[8],
                padH: a[7], padW: a[7]);
            var s = g.Shape;
            Assert.True(Im2ColBatch.Applies(s), g.ToString());
            var random = new RandomStream(31, 1);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var dx = new float[g.InputLength];
            Array.Fill(dx, float.NaN);
            Im2ColBatch.BackwardData(s, dy, w, dx, 1);
            var (expected, scale) = NaiveConv.BackwardData(g, dy, w);
            TestArrays.Close(expected, scale, dx, 1e-5, $"{g} input gradient");
            var perImage = new float[g.InputLength];
            ConvEngine.BackwardData(s, dy, w, perImage, 1);
            TestArrays.BitEqual(perImage, dx, $"{g} against the per-image GEMMs");
            foreach (var threads in new[] { 2, 3, 4 })
            {
                var parallel = new float[g.InputLength];
                Im2ColBatch.BackwardData(s, dy, w, parallel, threads);
                TestArrays.BitEqual(dx, parallel, $"{g} with {threads} threads");
            }
        }
    }

    [Fact]
    public void ForwardMatchesTheDefinitionAndThePerImagePathBitForBit()
    {
        foreach (var a in Shapes)
        {
            var g = new Conv2dGeometry(a[0], a[1], a[2], a[3], a[4], a[5], a[6], strideH: a[8], strideW: a[8],
                padH: a[7], padW: a[7]);
            var s = g.Shape;
            var random = new RandomStream(37, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            foreach (var (bias, relu) in new[] { (true, false), (true, true), (false, false) })
            {
                var bs = bias ? b : [];
                var y = new float[g.OutputLength];
                Array.Fill(y, float.NaN);
                Im2ColBatch.Forward(s, x, w, bs, relu, y, 1);
                var (expected, scale) = NaiveConv.Forward(g, x, w, bias ? b : null);
                if (relu)
                    for (var i = 0; i < expected.Length; i++) expected[i] = Math.Max(0, expected[i]);
                TestArrays.Close(expected, scale, y, 1e-5, $"{g} output, bias {bias}, ReLU {relu}");
                var perImage = new float[g.OutputLength];
                ConvEngine.Forward(s, x, w, bs, relu, perImage, 1);
                TestArrays.BitEqual(perImage, y, $"{g} against the per-image GEMMs");
                foreach (var threads in new[] { 2, 3, 4 })
                {
                    var parallel = new float[g.OutputLength];
                    Im2ColBatch.Forward(s, x, w, bs, relu, parallel, threads);
                    TestArrays.BitEqual(y, parallel, $"{g} with {threads} threads");
                }
            }
        }
    }

    [Theory]
    [InlineData(32, 81, 1, 11)]
    [InlineData(32, 81, 2, 8)]
    [InlineData(32, 81, 3, 11)]
    [InlineData(32, 81, 4, 8)]
    [InlineData(5, 200, 2, 3)]
    [InlineData(3, 100, 8, 1)]
    [InlineData(7, 30, 2, 4)]
    public void ChunksAreAMultipleOfTheThreadsAndNearlyEqual(int batch, int pixels, int threads, int expected)
    {
        var s = new Conv2dGeometry(batch, 2, pixels + 2, 3, 4, 3, 3).Shape;
        Assert.Equal(pixels, s.P);
        Assert.Equal(expected, Im2ColBatch.ImagesPerChunk(s, threads));
    }

    [Fact]
    public void LeavesLargeImagesGroupsAndSingleImagesToThePerImagePath()
    {
        Assert.False(Im2ColBatch.Applies(new Conv2dGeometry(4, 3, 24, 24, 4, 3, 3).Shape));
        Assert.False(Im2ColBatch.Applies(new Conv2dGeometry(4, 4, 8, 8, 4, 3, 3, groups: 2).Shape));
        Assert.False(Im2ColBatch.Applies(new Conv2dGeometry(1, 3, 8, 8, 4, 3, 3).Shape));
        Assert.False(Im2ColBatch.Applies(new Conv2dGeometry(4, 3, 8, 8, 4, 1, 1).Shape));
    }
}
