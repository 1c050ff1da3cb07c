using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

public sealed class BackgroundTests
{
    [Fact]
    public void ConstantAddsItsLevelToEveryPixel()
    {
        var image = Enumerable.Range(0, 12).Select(i => (float)i).ToArray();
        new ConstantBackground(2.5).AddTo(image, 4, 3, null);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i + 2.5f), image);
    }

    [Fact]
    public void GradientIsCentredAndLinear()
    {
        var image = new float[5 * 3];
        new GradientBackground(10, 1, -2).AddTo(image, 5, 3, null);

        // Centre pixel (2, 1) holds the centre level; corners follow the slopes exactly.
        Assert.Equal(10f, image[(1 * 5) + 2]);
        Assert.Equal(10f - 2 + 2, image[0]);
        Assert.Equal(10f + 2 - 2, image[(2 * 5) + 4]);
        Assert.Equal(10f + 2 + 2, image[4]);
    }

    [Fact]
    public void AGradientThatWouldGoNegativeIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new GradientBackground(1, 1, 0).AddTo(new float[25], 5, 5, null));
        Assert.Contains("5×5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StructuredFieldHasItsMeanVarianceAndGaussianCorrelation()
    {
        // Over independent draws: E[B] = mean, Var[B] = amplitude², Corr(r) = exp(−r²/(2ℓ²)) (random Fourier features).
        const int size = 48, draws = 300, lag = 4;
        const double mean = 100, amplitude = 10, length = 4;
        var background = new StructuredBackground(mean, amplitude, length);
        double sum = 0, sumSquares = 0, lagged = 0;
        long count = 0, pairs = 0;
        var image = new float[size * size];
        for (var d = 0; d < draws; d++)
        {
            Array.Clear(image);
            background.AddTo(image, size, size, new RandomStream(21, (ulong)d));
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var v = image[(y * size) + x] - mean;
                    sum += v;
                    sumSquares += v * v;
                    count++;
                    if (x + lag < size)
                    {
                        lagged += v * (image[(y * size) + x + lag] - mean);
                        pairs++;
                    }
                }
            }
        }

        // Tolerances: each draw is one field, so the effective sample size is the number of draws (≈ 300);
        // the per-draw spread of these averages is about amplitude²/sqrt(K) with K = 32 cosines.
        Assert.InRange(sum / count, -1.5, 1.5);
        Assert.InRange(sumSquares / count / (amplitude * amplitude), 0.9, 1.1);
        Assert.InRange(lagged / pairs / (amplitude * amplitude), Math.Exp(-0.5) - 0.07, Math.Exp(-0.5) + 0.07);
    }

    [Fact]
    public void StructuredFieldIsSmoothAndReproducible()
    {
        var a = new float[64 * 64];
        var b = new float[64 * 64];
        var c = new float[64 * 64];
        var background = new StructuredBackground(50, 5, 8) { Components = 16 };
        background.AddTo(a, 64, 64, new RandomStream(3, 7));
        background.AddTo(b, 64, 64, new RandomStream(3, 7));
        background.AddTo(c, 64, 64, new RandomStream(3, 8));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);

        // Neighbouring pixels differ by at most |∇f|·1 px, far less than the field's own spread.
        var maxStep = 0f;
        for (var i = 1; i < a.Length; i++)
        {
            if (i % 64 != 0)
            {
                maxStep = Math.Max(maxStep, Math.Abs(a[i] - a[i - 1]));
            }
        }

        Assert.True(maxStep < 5, $"largest step {maxStep}");
        Assert.True(a.Max() - a.Min() > 5);
        Assert.All(a, v => Assert.True(v >= 0));
    }

    [Fact]
    public void BadBackgroundsAreRejectedNamingTheField()
    {
        Assert.Equal("Photons", Assert.Throws<ArgumentException>(() => new ConstantBackground(-1)).ParamName);
        Assert.Equal("SlopeX", Assert.Throws<ArgumentException>(() => new GradientBackground(1, double.NaN, 0)).ParamName);
        Assert.Equal("CorrelationLength", Assert.Throws<ArgumentException>(() => new StructuredBackground(1, 1, 0)).ParamName);
        Assert.Equal("Components", Assert.Throws<ArgumentException>(() => new StructuredBackground(1, 1, 1) { Components = 0 }).ParamName);
        Assert.Throws<ArgumentNullException>(() => new StructuredBackground(1, 1, 1).AddTo(new float[4], 2, 2, null));
        Assert.Throws<ArgumentException>(() => new ConstantBackground(1).AddTo(new float[4], 3, 2, null));
    }
}
