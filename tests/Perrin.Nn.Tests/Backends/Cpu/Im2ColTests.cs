using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class Im2ColTests
{
    [Fact]
    public void UnfoldMatchesTheDefinitionForEveryRowWidth()
    {
        foreach (var width in new[] { 1, 3, 7, 8, 9, 11, 16, 17, 18, 24, 33, 36 })
        foreach (var (kernel, pad, stride) in new[] { (3, 0, 1), (3, 1, 1), (2, 0, 2), (1, 0, 1) })
        {
            if (width + 2 * pad < kernel) continue;
            var g = new Conv2dGeometry(1, 2, 5, width, 1, kernel, kernel, strideH: stride, strideW: stride, padH: pad, padW: pad);
            var s = g.Shape;
            var x = TestArrays.Uniform(new RandomStream(41, (ulong)width), g.InputLength);
            var ld = s.P + 3;
            var col = new float[s.K * ld];
            Array.Fill(col, float.NaN);
            Im2Col.Unfold(s, x, col, ld);
            for (var c = 0; c < s.Cin; c++)
            for (var kh = 0; kh < kernel; kh++)
            for (var kw = 0; kw < kernel; kw++)
            for (var oh = 0; oh < s.OutH; oh++)
            for (var ow = 0; ow < s.OutW; ow++)
            {
                var (ih, iw) = (oh * stride - pad + kh, ow * stride - pad + kw);
                var expected = ih < 0 || ih >= s.H || iw < 0 || iw >= s.W ? 0f : x[(c * s.H + ih) * s.W + iw];
                var row = (c * kernel + kh) * kernel + kw;
                Assert.True(expected.Equals(col[row * ld + oh * s.OutW + ow]),
                    $"{g}: row {row}, output ({oh}, {ow}) expected {expected}, got {col[row * ld + oh * s.OutW + ow]}");
            }
            for (var row = 0; row < s.K; row++)
                for (var j = s.P; j < ld && row < s.K - 1; j++)
                    Assert.True(float.IsNaN(col[row * ld + j]), $"{g}: row {row} wrote past its {s.P} columns at {j}");
        }
    }
    /// <summary>
    /// Fold adds every column entry onto its input pixel; with the additions made in the same order (channel, tap,
    /// output pixel) the result is exact, and columns past each row's P entries are never read.
    /// </summary>
    [Fact]
    public void FoldAddsEachColumnOntoItsPixelInOrder()
    {
        foreach (var width in new[] { 1, 3, 7, 8, 9, 11, 16, 17, 18, 24, 33, 36 })
        foreach (var (kernel, pad, stride) in new[] { (3, 0, 1), (3, 1, 1), (2, 0, 2), (1, 0, 1) })
        {
            if (width + 2 * pad < kernel) continue;
            var g = new Conv2dGeometry(1, 2, 5, width, 1, kernel, kernel, strideH: stride, strideW: stride, padH: pad, padW: pad);
            var s = g.Shape;
            var ld = s.P + 3;
            var col = TestArrays.Uniform(new RandomStream(43, (ulong)width), s.K * ld);
            for (var row = 0; row < s.K; row++)
                for (var j = s.P; j < ld; j++) col[row * ld + j] = float.NaN;
            var image = TestArrays.Uniform(new RandomStream(44, (ulong)width), g.InputLength);
            var expected = (float[])image.Clone();
            for (var c = 0; c < s.Cin; c++)
            for (var kh = 0; kh < kernel; kh++)
            for (var kw = 0; kw < kernel; kw++)
            for (var oh = 0; oh < s.OutH; oh++)
            for (var ow = 0; ow < s.OutW; ow++)
            {
                var (ih, iw) = (oh * stride - pad + kh, ow * stride - pad + kw);
                if (ih < 0 || ih >= s.H || iw < 0 || iw >= s.W) continue;
                expected[(c * s.H + ih) * s.W + iw] += col[((c * kernel + kh) * kernel + kw) * ld + oh * s.OutW + ow];
            }
            Im2Col.Fold(s, col, image, ld);
            Assert.Equal(expected, image);
        }
    }
}
