using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

public sealed class DeepTrackNoiseTests
{
    [Fact]
    public void PoissonWithSnrGivesTheRequestedSnrOnANormalizedImage()
    {
        // Image max 1, background 0: r = snr², the peak holds snr² counts, so its noise is 1/snr in image units.
        const double snr = 20;
        var noise = new DeepTrackPoissonNoise(snr);
        var peaks = new float[40_000];
        var image = new float[4];
        for (var i = 0; i < peaks.Length; i++)
        {
            image[0] = 1;
            image[1] = 0.5f;
            image[2] = 0;
            image[3] = -0.3f;
            noise.Apply(image, new RandomStream(4, (ulong)i));
            Assert.Equal(0f, image[2]);
            Assert.Equal(0f, image[3]);
            peaks[i] = image[0];
        }

        var m = SampleMoments.Of(peaks);
        Assert.InRange(m.Mean, 1 - (5 * m.MeanError), 1 + (5 * m.MeanError));
        var expected = 1 / (snr * snr);
        var error = expected * Math.Sqrt(2.0 / m.Count);
        Assert.InRange(m.Variance, expected - (5 * error), expected + (5 * error));
    }

    [Fact]
    public void PoissonScalesWithThePeakAboveTheBackground()
    {
        // max 4, background 2: peak 2, r = snr²/4; a pixel of value v has variance v/r = 4v/snr².
        const double snr = 10;
        var noise = new DeepTrackPoissonNoise(snr, background: 2);
        var values = new float[40_000];
        var image = new float[2];
        for (var i = 0; i < values.Length; i++)
        {
            image[0] = 4;
            image[1] = 3;
            noise.Apply(image, new RandomStream(5, (ulong)i));
            values[i] = image[1];
        }

        var m = SampleMoments.Of(values);
        var expected = 4 * 3 / (snr * snr);
        var error = expected * Math.Sqrt(2.0 / m.Count);
        Assert.InRange(m.Variance, expected - (5 * error), expected + (5 * error));
        Assert.InRange(m.Mean, 3 - (5 * m.MeanError), 3 + (5 * m.MeanError));
    }

    [Fact]
    public void PoissonRejectsImagesWithoutSignal()
    {
        var e = Assert.Throws<ArgumentException>(() => new DeepTrackPoissonNoise(10, 1).Apply(new float[] { 1, 1 }, new RandomStream(1, 1)));
        Assert.Equal("image", e.ParamName);
        Assert.Throws<ArgumentException>(() => new DeepTrackPoissonNoise(10).Apply(new float[] { float.NaN, 1 }, new RandomStream(1, 1)));
        Assert.Equal("Snr", Assert.Throws<ArgumentException>(() => new DeepTrackPoissonNoise(0)).ParamName);
    }

    [Fact]
    public void GaussianAddsMuAndSigma()
    {
        var image = new float[100_000];
        Array.Fill(image, 3f);
        new GaussianNoise(0.5, 0.2).Apply(image, new RandomStream(6, 0));
        var m = SampleMoments.Of(image);
        Assert.InRange(m.Mean, 3.5 - (5 * m.MeanError), 3.5 + (5 * m.MeanError));
        var error = 0.04 * Math.Sqrt(2.0 / m.Count);
        Assert.InRange(m.Variance, 0.04 - (5 * error), 0.04 + (5 * error));
        Assert.Equal("Sigma", Assert.Throws<ArgumentException>(() => new GaussianNoise(0, -1)).ParamName);
    }
}
