using Perrin.Analysis.Detection;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Detection;

public class DecodeDecoderTests
{
    private static DecodeMaps Empty(int height, int width) => new()
    {
        Probability = Maps.Zero(height, width),
        OffsetX = Maps.Zero(height, width),
        OffsetY = Maps.Zero(height, width),
    };

    [Fact]
    public void PositionIsThePixelCentrePlusTheOffsetAndFeaturesComeFromTheWinningPixel()
    {
        var maps = Empty(6, 8) with
        {
            Photons = Maps.With(6, 8, (3, 2, 1500f)),
            Z = Maps.With(6, 8, (3, 2, -0.25f)),
            Background = Maps.With(6, 8, (3, 2, 12f)),
            SigmaX = Maps.With(6, 8, (3, 2, 0.1f)),
            SigmaY = Maps.With(6, 8, (3, 2, 0.1f)),
            SigmaZ = Maps.With(6, 8, (3, 2, 0.5f)),
        };
        maps.Probability[2, 3] = 0.9f;
        maps.OffsetX[2, 3] = 0.25f;
        maps.OffsetY[2, 3] = -0.375f;
        var decoder = new DecodeDecoder(new DecodeOptions { ZScaleNm = 400 });
        var loc = Assert.Single(decoder.Decode(maps, 5, 100));
        Assert.Equal(5, loc.Frame);
        Assert.Equal(375.0, loc.X);
        Assert.Equal(212.5, loc.Y);
        Assert.Equal(1500.0, loc.Intensity);
        Assert.Equal(-100.0, loc.Z);
        Assert.Equal(12.0, loc.Offset);
        Assert.Equal((double)0.1f * 100, loc.Uncertainty, 12);
        Assert.Equal(200.0, loc.UncertaintyZ);
    }

    [Fact]
    public void WithoutOptionalChannelsTheirColumnsStayNaN()
    {
        var maps = Empty(3, 3);
        maps.Probability[1, 1] = 1f;
        var loc = Assert.Single(new DecodeDecoder(new DecodeOptions()).Decode(maps, 0, 100));
        Assert.Equal((150.0, 150.0), (loc.X, loc.Y));
        Assert.True(double.IsNaN(loc.Intensity) && double.IsNaN(loc.Z) && double.IsNaN(loc.Uncertainty));
    }

    [Fact]
    public void AnEmitterSplitOverTwoPixelsCountsOnceWithItsSummedProbability()
    {
        var p = Maps.With(5, 6, (2, 2, 0.55f), (3, 2, 0.4f), (2, 3, 0.03f));
        var integrated = new float[30];
        new DecodeDecoder(new DecodeOptions { RawThreshold = 0.3f }).Integrate(p, integrated);
        Assert.Equal((float)(0.55 + (double)0.4f + (double)0.03f), integrated[(2 * 6) + 2], 6);
        Assert.Equal(1, integrated.Count(v => v > 0));
    }

    [Fact]
    public void TwoSubThresholdHalvesAddUpToOneDetectionWhenTheRawThresholdIsLower()
    {
        var maps = Empty(5, 6);
        maps.Probability[2, 2] = 0.45f;
        maps.Probability[2, 3] = 0.45f;
        var loose = new DecodeDecoder(new DecodeOptions { RawThreshold = 0.3f, DetectionThreshold = 0.5f });
        Assert.Equal(250.0, Assert.Single(loose.Decode(maps, 0, 100)).X);
        Assert.Empty(new DecodeDecoder(new DecodeOptions()).Decode(maps, 0, 100));
    }

    [Fact]
    public void ASecondBrightPixelNextToTheMaximumIsASecondEmitter()
    {
        var maps = Empty(5, 6);
        maps.Probability[2, 2] = 0.9f;
        maps.Probability[2, 3] = 0.8f;
        var locs = new DecodeDecoder(new DecodeOptions()).Decode(maps, 0, 100);
        Assert.Equal([250.0, 350.0], locs.Select(l => l.X).ToArray());
    }

    [Fact]
    public void DiagonalNeighboursCountOnlyWhenAsked()
    {
        var p = Maps.With(3, 3, (1, 1, 0.5f), (0, 0, 0.25f), (1, 0, 0.125f));
        var cross = new float[9];
        var full = new float[9];
        new DecodeDecoder(new DecodeOptions { RawThreshold = 0.4f }).Integrate(p, cross);
        new DecodeDecoder(new DecodeOptions { RawThreshold = 0.4f, IncludeDiagonals = true }).Integrate(p, full);
        Assert.Equal(0.625f, cross[4]);
        Assert.Equal(0.875f, full[4]);
    }

    [Fact]
    public void IntegratedProbabilityIsClampedToOne()
    {
        var p = Maps.With(3, 3, (1, 1, 0.9f), (0, 1, 0.5f), (2, 1, 0.5f));
        var integrated = new float[9];
        new DecodeDecoder(new DecodeOptions()).Integrate(p, integrated);
        Assert.Equal(1f, integrated[4]);
    }

    [Fact]
    public void MismatchedOrNonFiniteMapsAreRefusedByName()
    {
        var decoder = new DecodeDecoder(new DecodeOptions());
        var wrongSize = Empty(4, 4) with { Photons = Maps.Zero(4, 5) };
        Assert.Contains("Photons", Assert.Throws<ArgumentException>(() => decoder.Decode(wrongSize, 0, 100)).Message, StringComparison.Ordinal);
        var nan = Empty(4, 4);
        nan.OffsetY[1, 2] = float.NaN;
        var message = Assert.Throws<ArgumentException>(() => decoder.Decode(nan, 0, 100)).Message;
        Assert.Contains("OffsetY", message, StringComparison.Ordinal);
        Assert.Contains("(2, 1)", message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecodeDecoder(new DecodeOptions { RawThreshold = 1.5f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecodeDecoder(new DecodeOptions { DetectionThreshold = 0f }));
    }

    [Fact]
    public void AnEmptyFrameGivesNoLocalizations()
    {
        var empty = new ImageFrame(Memory<float>.Empty, 0, 0);
        var maps = new DecodeMaps { Probability = empty, OffsetX = empty, OffsetY = empty };
        Assert.Empty(new DecodeDecoder(new DecodeOptions()).Decode(maps, 0, 100));
    }
}
