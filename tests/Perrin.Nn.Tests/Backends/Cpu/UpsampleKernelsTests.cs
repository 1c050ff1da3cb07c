using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class UpsampleKernelsTests
{
    // N, C, H, W, scaleH, scaleW
    public static TheoryData<int[]> Geometries => new()
    {
        new[] { 3, 2, 5, 7, 2, 2 },
        new[] { 2, 3, 4, 3, 3, 1 },
        new[] { 1, 2, 1, 9, 1, 4 },
        new[] { 2, 1, 6, 5, 5, 3 },
    };

    private static Upsample2dGeometry Make(int[] a) => new(a[0], a[1], a[2], a[3], a[4], a[5]);

    [Fact]
    public void BilinearMatchesPyTorchOnATwoByTwoImage()
    {
        // torch.nn.functional.interpolate(torch.tensor([[[[1., 2.], [3., 4.]]]]), scale_factor=2, mode="bilinear", align_corners=False)
        float[] expected =
        [
            1.00f, 1.25f, 1.75f, 2.00f,
            1.50f, 1.75f, 2.25f, 2.50f,
            2.50f, 2.75f, 3.25f, 3.50f,
            3.00f, 3.25f, 3.75f, 4.00f,
        ];
        var y = new float[16];
        UpsampleKernels.BilinearForward(new Upsample2dGeometry(1, 1, 2, 2, 2, 2), [1f, 2f, 3f, 4f], y);
        TestArrays.BitEqual(expected, y, "bilinear 2×2 → 4×4");
    }

    /// <summary>Bilinear weights from the continuous definition, in double, independent of the kernel's tables.</summary>
    private static (int I0, int I1, double L1) Tap(int o, int scale, int size)
    {
        var source = Math.Max((o + 0.5) / scale - 0.5, 0);
        var i0 = Math.Min((int)Math.Floor(source), size - 1);
        return (i0, Math.Min(i0 + 1, size - 1), source - i0);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardAndBackwardMatchDirectLoops(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(41, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var nearest = new float[g.OutputLength];
        var bilinear = new float[g.OutputLength];
        var dxNearest = new float[g.InputLength];
        var dxBilinear = new float[g.InputLength];
        Array.Fill(dxBilinear, float.NaN);
        UpsampleKernels.NearestForward(g, x, nearest);
        UpsampleKernels.BilinearForward(g, x, bilinear);
        UpsampleKernels.NearestBackward(g, dy, dxNearest);
        UpsampleKernels.BilinearBackward(g, dy, dxBilinear);
        var eNearest = new double[g.OutputLength];
        var eBilinear = new double[g.OutputLength];
        var eDxNearest = new double[g.InputLength];
        var eDxBilinear = new double[g.InputLength];
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        for (var p = 0; p < g.N * g.C; p++)
        for (var oh = 0; oh < g.OutH; oh++)
        for (var ow = 0; ow < g.OutW; ow++)
        {
            var o = p * outPlane + oh * g.OutW + ow;
            var n = p * inPlane + oh / g.ScaleH * g.W + ow / g.ScaleW;
            eNearest[o] = x[n];
            eDxNearest[n] += dy[o];
            var (h0, h1, lh) = Tap(oh, g.ScaleH, g.H);
            var (w0, w1, lw) = Tap(ow, g.ScaleW, g.W);
            foreach (var (ih, wh) in new[] { (h0, 1 - lh), (h1, lh) })
            foreach (var (iw, ww) in new[] { (w0, 1 - lw), (w1, lw) })
            {
                var i = p * inPlane + ih * g.W + iw;
                eBilinear[o] += wh * ww * x[i];
                eDxBilinear[i] += wh * ww * dy[o];
            }
        }
        var ones = new double[Math.Max(g.InputLength, g.OutputLength)];
        Array.Fill(ones, 1.0);
        TestArrays.Close(eNearest, ones, nearest, 0, "nearest");
        TestArrays.Close(eDxNearest, ones, dxNearest, 1e-6, "nearest input gradient");
        TestArrays.Close(eBilinear, ones, bilinear, 1e-6, "bilinear");
        TestArrays.Close(eDxBilinear, ones, dxBilinear, 2e-6, "bilinear input gradient");
    }

    /// <summary>Central differences in float, step 1e-2 (the maps are linear, so only rounding enters; tolerance 2e-3).</summary>
    [Fact]
    public void GradientsMatchCentralDifferences()
    {
        var g = new Upsample2dGeometry(2, 2, 4, 5, 2, 3);
        var random = new RandomStream(42, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var r = TestArrays.Uniform(random, g.OutputLength);
        var y = new float[g.OutputLength];
        var dx = new float[g.InputLength];
        double Dot()
        {
            double sum = 0;
            for (var i = 0; i < y.Length; i++) sum += (double)r[i] * y[i];
            return sum;
        }
        UpsampleKernels.NearestBackward(g, r, dx);
        FiniteDifference.Check(x, dx, () => { UpsampleKernels.NearestForward(g, x, y); return Dot(); }, "nearest");
        UpsampleKernels.BilinearBackward(g, r, dx);
        FiniteDifference.Check(x, dx, () => { UpsampleKernels.BilinearForward(g, x, y); return Dot(); }, "bilinear");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ResultsDoNotDependOnThreadCount(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(43, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        float[][] Run(int threads)
        {
            float[][] r = [new float[g.OutputLength], new float[g.OutputLength], new float[g.InputLength], new float[g.InputLength]];
            UpsampleKernels.NearestForward(g, x, r[0], threads);
            UpsampleKernels.BilinearForward(g, x, r[1], threads);
            UpsampleKernels.NearestBackward(g, dy, r[2], threads);
            UpsampleKernels.BilinearBackward(g, dy, r[3], threads);
            return r;
        }
        var one = Run(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"result {i} with {threads} threads");
        }
    }

    [Fact]
    public void MistakesAreReported()
    {
        Assert.Throws<ArgumentException>(() => new Upsample2dGeometry(1, 1, 4, 4, 0, 2));
        var g = new Upsample2dGeometry(1, 2, 4, 4, 2, 2);
        var error = Assert.Throws<ArgumentException>(() => UpsampleKernels.BilinearForward(g, new float[32], new float[100]));
        Assert.Contains("Upsample2d(bilinear).Forward", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 2, 8, 8]", error.Message, StringComparison.Ordinal);
    }
}
