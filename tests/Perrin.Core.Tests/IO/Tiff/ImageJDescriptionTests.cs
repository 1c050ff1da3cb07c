using Perrin.Core.IO.Tiff;

namespace Perrin.Core.Tests.IO.Tiff;

public sealed class ImageJDescriptionTests
{
    [Fact]
    public void FormatFollowsImageJKeyOrder()
    {
        var text = ImageJDescription.Format(3, calibrated: true, frameIntervalS: 0.05, range: (10, 1000), info: "recipe-a");
        Assert.Equal("ImageJ=1.11a\nimages=3\nframes=3\nunit=micron\nfinterval=0.05\nloop=false\nmin=10.0\nmax=1000.0\ninfo=recipe-a\n", text);
    }

    [Fact]
    public void SingleUncalibratedFrameHasOnlyTheVersionLine()
    {
        Assert.Equal("ImageJ=1.11a\n", ImageJDescription.Format(1, calibrated: false, frameIntervalS: null, range: null, info: null));
    }

    [Fact]
    public void InfoThatImageJCouldNotParseBackIsLeftOut()
    {
        var text = ImageJDescription.Format(1, false, null, null, "a=b");
        Assert.DoesNotContain("info", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("micron", 1000.0)]
    [InlineData("um", 1000.0)]
    [InlineData("\u00b5m", 1000.0)]
    [InlineData("\\u00B5m", 1000.0)]
    [InlineData("nm", 1.0)]
    [InlineData("mm", 1e6)]
    public void UnitsConvertToNanometres(string unit, double nm)
    {
        var d = ImageJDescription.Parse($"ImageJ=1.53t\nunit={unit}\n");
        Assert.NotNull(d);
        Assert.Equal(nm, d.NanometresPerUnit);
    }

    [Fact]
    public void PixelUnitIsUncalibrated()
    {
        Assert.Null(ImageJDescription.Parse("ImageJ=1.53t\nunit=pixel\n")!.NanometresPerUnit);
    }

    [Fact]
    public void ParsesHyperstackKeysAndTimeUnit()
    {
        var d = ImageJDescription.Parse("ImageJ=1.54f\nimages=12\nchannels=1\nslices=3\nframes=4\nhyperstack=true\nunit=micron\nspacing=0.25\nfinterval=50\ntunit=ms\nloop=false\nmin=0.0\nmax=4095.0\n\0");
        Assert.NotNull(d);
        Assert.Equal(12, d.Images);
        Assert.Equal(3, d.Slices);
        Assert.Equal(4, d.Frames);
        Assert.Equal(0.25, d.Spacing);
        Assert.Equal(0.05, d.FrameIntervalSeconds!.Value, 12);
        Assert.Equal(4095.0, d.Max);
        Assert.False(d.Loop);
    }

    [Theory]
    [InlineData("images=-4")]
    [InlineData("images=1e30")]
    [InlineData("images=abc")]
    [InlineData("images=2.5")]
    public void MalformedCountsAreIgnored(string line)
    {
        Assert.Null(ImageJDescription.Parse($"ImageJ=1.53t\n{line}\n")!.Images);
    }

    [Fact]
    public void OtherDescriptionsAreNotImageJ()
    {
        Assert.Null(ImageJDescription.Parse("<?xml version=\"1.0\"?><OME/>"));
        Assert.Null(ImageJDescription.Parse(null));
    }
}
