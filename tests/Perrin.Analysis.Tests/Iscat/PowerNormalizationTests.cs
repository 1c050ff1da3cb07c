using Perrin.Analysis.Iscat;

namespace Perrin.Analysis.Tests.Iscat;

public class PowerNormalizationTests
{
    [Fact]
    public void EachFrameIsDividedByItsMean()
    {
        var stage = new PowerNormalizationStage(1, 2);
        var output = new float[2];
        Assert.True(stage.Push([1f, 3f], output));
        Assert.Equal([0.5f, 1.5f], output);
        Assert.Equal(2.0, stage.LastMean);
    }

    [Fact]
    public void MultiplicativeLaserFlickerCancelsExactly()
    {
        float[] power = [1f, 0.75f, 1.25f, 2f, 0.5f, 1.125f];
        var movie = Movies.Make(power.Length, 4, 4, (f, y, x) => power[f] * ((y * 4) + x + 1));
        var normalized = FrameStages.Apply(new PowerNormalizationStage(4, 4), movie);
        for (var f = 0; f < power.Length; f++)
        {
            for (var i = 0; i < 16; i++)
            {
                Assert.Equal((float)((i + 1) / 8.5), normalized.Data[(f * 16) + i]);
            }
        }
    }

    [Fact]
    public void FlickerOnNoisyFramesCancelsToRounding()
    {
        var pattern = Movies.Random(1, 5, 7, 3);
        float[] power = [1f, 0.93f, 1.07f];
        var movie = Movies.Make(3, 5, 7, (f, y, x) => power[f] * pattern.At(0, y, x));
        var normalized = FrameStages.Apply(new PowerNormalizationStage(5, 7), movie);
        for (var i = 0; i < 35; i++)
        {
            Assert.Equal(normalized.Data[i], normalized.Data[35 + i], 5e-7f);
            Assert.Equal(normalized.Data[i], normalized.Data[70 + i], 5e-7f);
        }
    }

    [Fact]
    public void AFrameWithoutPositiveMeanIsRefusedByIndex()
    {
        var stage = new PowerNormalizationStage(1, 2);
        var output = new float[2];
        stage.Push([1f, 1f], output);
        var error = Assert.Throws<ArgumentException>(() => stage.Push([-1f, 1f], output));
        Assert.Contains("frame 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => stage.Push([float.NaN, 1f], output));
    }
}
