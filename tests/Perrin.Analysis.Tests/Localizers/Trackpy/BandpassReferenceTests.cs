using Perrin.Analysis.Localizers.Trackpy;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers.Trackpy;

public class BandpassReferenceTests
{
    [Theory]
    [InlineData("bandpass_float32.txt")]
    [InlineData("bandpass_uint16.txt")]
    public void LowpassMatchesScipyCorrelate1d(string file)
    {
        var fixture = CrockerGrierFixture.Load(file);
        var output = new double[fixture.Height * fixture.Width];
        new GaussianLowpass(fixture["noise_size"][0]).Apply(fixture["input"], fixture.Height, fixture.Width, output);
        AssertClose(fixture["lowpass"], output, 1e-12);
    }

    [Theory]
    [InlineData("bandpass_float32.txt", PixelType.Float32)]
    [InlineData("bandpass_uint16.txt", PixelType.UInt16)]
    public void BoxcarMatchesScipyUniformFilterInTheImageType(string file, PixelType type)
    {
        var fixture = CrockerGrierFixture.Load(file);
        var output = new double[fixture.Height * fixture.Width];
        new BoxcarAverage((int)fixture["smoothing_size"][0], new SampleGamut(type))
            .Apply(fixture["input"], fixture.Height, fixture.Width, output);

        // Same running-sum arithmetic and the same stores as scipy, so the values agree bit for bit.
        Assert.Equal(fixture["boxcar"], output);
    }

    [Theory]
    [InlineData("bandpass_float32.txt", PixelType.Float32)]
    [InlineData("bandpass_uint16.txt", PixelType.UInt16)]
    public void BandpassMatchesTheReference(string file, PixelType type)
    {
        var fixture = CrockerGrierFixture.Load(file);
        var output = new double[fixture.Height * fixture.Width];
        new Bandpass(fixture["noise_size"][0], (int)fixture["smoothing_size"][0], fixture["threshold"][0], new SampleGamut(type))
            .Apply(fixture.Floats("input"), fixture.Height, fixture.Width, output);
        AssertClose(fixture["bandpass"], output, 1e-12);
        Assert.Contains(output, v => v == 0);
        Assert.Contains(output, v => v > 0);
    }

    [Fact]
    public void GaussianKernelIsTruncatedAtFourSigmaAndNormalized()
    {
        var half = GaussianLowpass.HalfKernel(1.0);
        Assert.Equal(5, half.Length);
        var total = half[0] + (2 * half.Skip(1).Sum());
        Assert.Equal(1.0, total, 1e-15);
        var norm = 1 + (2 * (Math.Exp(-0.5) + Math.Exp(-2) + Math.Exp(-4.5) + Math.Exp(-8)));
        Assert.Equal(Math.Exp(-0.5) / norm, half[1], 1e-16);
        Assert.Equal(7, GaussianLowpass.HalfKernel(1.6).Length);
    }

    [Fact]
    public void UniformFilterOfAnIntegerImageTruncatesLikeScipy()
    {
        // [0,0,11,0,0,4,8,0] with size 3 and 'nearest' edges: scipy gives [0,3,3,3,1,4,4,2] for uint16.
        double[] row = [0, 0, 11, 0, 0, 4, 8, 0];
        var output = new double[row.Length];
        new BoxcarAverage(3, new SampleGamut(PixelType.UInt16)).Apply(row, 1, row.Length, output);
        Assert.Equal([0, 3, 3, 3, 1, 4, 4, 2], output);
    }

    internal static void AssertClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= relative * scale,
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
