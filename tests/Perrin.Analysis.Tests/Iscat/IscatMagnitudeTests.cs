using Perrin.Analysis.Iscat;

namespace Perrin.Analysis.Tests.Iscat;

public sealed class IscatMagnitudeTests
{
    /// <summary>A dark particle and the same particle bright give the same magnitude: the phase does not decide detection.</summary>
    [Fact]
    public void DarkAndBrightSpotsGiveTheSameMagnitude()
    {
        const int side = 24;
        var bright = new float[side * side];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                bright[(y * side) + x] = (float)(0.05 * Math.Exp(-(((x - 11.0) * (x - 11.0)) + ((y - 9.0) * (y - 9.0))) / 8.0));
            }
        }

        var dark = bright.Select(v => -v).ToArray();
        var magnitude = new IscatMagnitude(side, side, 1);
        var (a, b) = (new float[side * side], new float[side * side]);
        magnitude.Apply(bright, a);
        magnitude.Apply(dark, b);

        Assert.Equal(a, b);
        Assert.All(a, v => Assert.True(v >= 0));
        var peak = Array.IndexOf(a, a.Max());
        Assert.Equal((11, 9), (peak % side, peak / side));
        Assert.True(a[peak] < 0.05f && a[peak] > 0.04f, $"smoothing lowers the peak a little: {a[peak]}");
    }

    /// <summary>A flat frame stays flat (the kernel sums to 1, edges are extended) and its noise σ is 0.</summary>
    [Fact]
    public void AFlatFrameKeepsItsLevelInMagnitude()
    {
        var frame = Enumerable.Repeat(-0.02f, 10 * 12).ToArray();
        var output = new float[frame.Length];
        var noise = new IscatMagnitude(10, 12, 1.5).Apply(frame, output);
        Assert.Equal(0, noise);
        Assert.All(output, v => Assert.Equal(0.02f, v, 1e-6f));
    }

    [Fact]
    public void BadSizesAndSmoothingAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IscatMagnitude(8, 8, 0.1));
        Assert.Throws<ArgumentException>(() => new IscatMagnitude(8, 8, 1).Apply(new float[64], new float[63]));
    }
}
