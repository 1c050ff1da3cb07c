using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>The whole pipeline against make_fixtures.py's chain of the scipy/numpy calls trackpy.locate makes.</summary>
public class CrockerGrierReferenceTests
{
    [Theory]
    [InlineData("locate_uint16.txt", PixelType.UInt16)]
    [InlineData("locate_float32.txt", PixelType.Float32)]
    public void EveryColumnMatchesTheReference(string file, PixelType type)
    {
        var fixture = CrockerGrierFixture.Load(file);
        var frame = new ImageFrame(fixture.Floats("input"), fixture.Height, fixture.Width);
        var localizer = new CrockerGrier(new CrockerGrierParameters((int)fixture["diameter"][0]), type);

        var actual = localizer.LocatePixels(frame);

        var expected = fixture["features"];
        Assert.Equal(expected.Length / 8, actual.Count);
        Assert.True(actual.Count >= 5);
        for (var i = 0; i < actual.Count; i++)
        {
            var row = expected.AsSpan(i * 8, 8);
            var f = actual[i];
            Assert.Equal(row[0], f.X, 1e-9);
            Assert.Equal(row[1], f.Y, 1e-9);
            AssertRelative(row[2], f.Mass);
            AssertRelative(row[3], f.Size);
            AssertRelative(row[4], f.Ecc);
            AssertRelative(row[5], f.Signal);
            AssertRelative(row[6], f.RawMass);

            // trackpy reports a negative ep where the feature is fainter than the background; Perrin reports NaN.
            if (row[7] < 0)
            {
                Assert.True(double.IsNaN(f.Ep));
            }
            else
            {
                // numpy takes the mean and std of a float32 image in float32, so ep agrees to float32 precision.
                AssertRelative(row[7], f.Ep, type == PixelType.Float32 ? 1e-5 : 1e-9);
            }
        }
    }

    [Fact]
    public void TheWeakerOfTheTwoCloseSpotsIsDropped()
    {
        var fixture = CrockerGrierFixture.Load("locate_float32.txt");
        var frame = new ImageFrame(fixture.Floats("input"), fixture.Height, fixture.Width);
        var features = new CrockerGrier(new CrockerGrierParameters(9)).LocatePixels(frame);

        // Spots drawn at (48.5, 40.5) and (52, 45) are 5.7 px apart, closer than the separation of 10.
        Assert.DoesNotContain(features, f => Math.Abs(f.X - 48.5) < 1.5 && Math.Abs(f.Y - 40.5) < 1.5);
        Assert.Contains(features, f => Math.Abs(f.X - 52) < 1.5 && Math.Abs(f.Y - 45) < 1.5);
    }

    private static void AssertRelative(
        double expected,
        double actual,
        double tolerance = 1e-9,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(actual))] string column = "") =>
        Assert.True(
            Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{column}: expected {expected:R}, got {actual:R}");
}
