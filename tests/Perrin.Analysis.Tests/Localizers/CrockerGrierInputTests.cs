using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>Parameters, bad frames and the frame-localizer contract.</summary>
public class CrockerGrierInputTests
{
    [Fact]
    public void DefaultsAreTrackpys()
    {
        var p = new CrockerGrierParameters(11);
        Assert.Equal((null, null, null, 1.0, null, null, false, 64.0, null, true, 10, true),
            (p.MinMass, p.MaxSize, p.Separation, p.NoiseSize, p.SmoothingSize, p.Threshold, p.Invert, p.Percentile, p.TopN,
                p.Preprocess, p.MaxIterations, p.Characterize));
        Assert.Equal((12.0, 11, 0.0, 5), (p.EffectiveSeparation, p.EffectiveSmoothingSize, p.EffectiveMinMass, p.Radius));
    }

    [Theory]
    [InlineData(4, "Diameter", "odd")]
    [InlineData(1, "Diameter", "odd")]
    [InlineData(-3, "Diameter", "odd")]
    public void EvenOrTooSmallDiameterIsRefused(int diameter, string parameter, string words)
    {
        var error = Assert.Throws<ArgumentException>(() => new CrockerGrier(new CrockerGrierParameters(diameter)));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Contains(diameter.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<CrockerGrierParameters, string> BadParameters => new()
    {
        { new CrockerGrierParameters(7) { SmoothingSize = 8 }, "SmoothingSize" },
        { new CrockerGrierParameters(7) { NoiseSize = 7 }, "SmoothingSize" },
        { new CrockerGrierParameters(7) { NoiseSize = -1 }, "NoiseSize" },
        { new CrockerGrierParameters(7) { NoiseSize = double.NaN }, "NoiseSize" },
        { new CrockerGrierParameters(7) { Separation = 0 }, "Separation" },
        { new CrockerGrierParameters(7) { Percentile = 101 }, "Percentile" },
        { new CrockerGrierParameters(7) { Percentile = double.NaN }, "Percentile" },
        { new CrockerGrierParameters(7) { TopN = 0 }, "TopN" },
        { new CrockerGrierParameters(7) { MaxIterations = 0 }, "MaxIterations" },
        { new CrockerGrierParameters(7) { MaxSize = -2 }, "MaxSize" },
        { new CrockerGrierParameters(7) { MaxSize = 3, Characterize = false }, "MaxSize" },
        { new CrockerGrierParameters(7) { MinMass = double.PositiveInfinity }, "MinMass" },
        { new CrockerGrierParameters(7) { Threshold = double.NaN }, "Threshold" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void AbsurdParametersAreNamedInTheMessage(CrockerGrierParameters parameters, string name)
    {
        var error = Assert.Throws<ArgumentException>(parameters.Validate);
        Assert.Equal(name, error.ParamName);
        Assert.StartsWith($"Crocker–Grier parameter {name} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoiseSizeMayEqualSmoothingSizeWithoutPreprocessing() =>
        new CrockerGrierParameters(7) { NoiseSize = 7, Preprocess = false }.Validate();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EmptyBlackAndConstantFramesGiveNoFeatures(bool preprocess)
    {
        var localizer = new CrockerGrier(new CrockerGrierParameters(7) { Preprocess = preprocess });
        Assert.Empty(localizer.LocatePixels(new ImageFrame(Array.Empty<float>(), 0, 0)));
        Assert.Empty(localizer.LocatePixels(TrackpyDrawing.Filled(32, 32, 0)));
        Assert.Empty(localizer.LocatePixels(TrackpyDrawing.Filled(32, 32, 0.4f)));
        Assert.Empty(localizer.LocatePixels(TrackpyDrawing.Filled(3, 2, 0.4f)));
        Assert.Empty(localizer.Locate(TrackpyDrawing.Filled(32, 32, 7), 3, 100));
    }

    [Fact]
    public void FrameSmallerThanTheMarginGivesNoFeatures()
    {
        var frame = TrackpyDrawing.Filled(6, 6, 0);
        frame[3, 3] = 50;
        Assert.Empty(new CrockerGrier(new CrockerGrierParameters(7) { Preprocess = false }).LocatePixels(frame));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFinitePixelsAreRefusedWithTheirPosition(float bad)
    {
        var frame = TrackpyDrawing.Filled(10, 12, 1);
        frame[2, 5] = bad;
        var error = Assert.Throws<ArgumentException>(() => new CrockerGrier(new CrockerGrierParameters(3)).LocatePixels(frame));
        Assert.Equal("frame", error.ParamName);
        Assert.Contains("index 29", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocateConvertsToNanometresFromTheCornerAndKeepsTrackpyExtras()
    {
        var frame = TrackpyDrawing.Filled(30, 33, 5);
        TrackpyDrawing.AddGaussian(frame, 11.25, 19.5, 1.4, 300);
        var localizer = new CrockerGrier(new CrockerGrierParameters(7), PixelType.UInt16);
        var pixel = Assert.Single(localizer.LocatePixels(frame));

        var nm = Assert.Single(localizer.Locate(frame, 42, 107.5));

        Assert.Equal("crocker-grier", localizer.Name);
        Assert.Equal(42, nm.Frame);
        Assert.Equal((pixel.X + 0.5) * 107.5, nm.X);
        Assert.Equal((pixel.Y + 0.5) * 107.5, nm.Y);
        Assert.Equal((pixel.Mass, pixel.Size, pixel.Ecc, pixel.Signal, pixel.RawMass, pixel.Ep),
            (nm.Mass, nm.Size, nm.Ecc, nm.Signal, nm.RawMass, nm.Ep));
        Assert.True(double.IsNaN(nm.Sigma) && double.IsNaN(nm.Uncertainty) && nm.Particle is null);
        Assert.Throws<ArgumentOutOfRangeException>(() => localizer.Locate(frame, 0, 0));
    }

    [Fact]
    public void AnInstanceGivesTheSameAnswerWhateverItSawBefore()
    {
        var small = TrackpyDrawing.Filled(30, 33, 5);
        TrackpyDrawing.AddGaussian(small, 11.25, 19.5, 1.4, 300);
        var large = TrackpyDrawing.Filled(80, 70, 9);
        TrackpyDrawing.AddGaussian(large, 40.5, 22.5, 1.4, 300);
        var fresh = new CrockerGrier(new CrockerGrierParameters(7)).LocatePixels(small);
        var reused = new CrockerGrier(new CrockerGrierParameters(7));
        reused.LocatePixels(large);
        Assert.Equal(fresh, reused.LocatePixels(small));
        Assert.IsAssignableFrom<IFrameLocalizer>(reused);
    }
}
