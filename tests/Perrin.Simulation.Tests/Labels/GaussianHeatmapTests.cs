using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class GaussianHeatmapTests
{
    private const int Size = 21;

    [Fact]
    public void PeakIsOneAtTheParticleAndFallsOffAsTheGaussianInEveryDirection()
    {
        const double sigma = 1.5;
        var map = new GaussianHeatmap(sigma).RenderToArray([new ParticleTruth(10, 10)], Size, Size);
        Assert.Equal(1f, At(map, 10, 10));
        for (var d = 1; d <= 6; d++)
        {
            var expected = (float)Math.Exp(-d * d / (2 * sigma * sigma));
            Assert.Equal(expected, At(map, 10 + d, 10));
            Assert.Equal(expected, At(map, 10 - d, 10));
            Assert.Equal(expected, At(map, 10, 10 + d));
            Assert.Equal(expected, At(map, 10, 10 - d));
            Assert.Equal((float)Math.Exp(-2 * d * d / (2 * sigma * sigma)), At(map, 10 + d, 10 - d), 1e-7);
        }
    }

    [Fact]
    public void OffCentreParticleIsSymmetricAboutItsOwnPosition()
    {
        var map = new GaussianHeatmap(1).RenderToArray([new ParticleTruth(10.5, 7.25)], Size, Size);
        for (var d = 0; d < 5; d++)
        {
            Assert.Equal(At(map, 10 - d, 7), At(map, 11 + d, 7));
        }

        Assert.Equal((float)Math.Exp(-0.5 * ((0.5 * 0.5) + (0.25 * 0.25))), At(map, 10, 7));
        Assert.True(At(map, 10, 7) > At(map, 10, 8));
    }

    [Fact]
    public void MaxKeepsOverlappingPeaksAtOneAndSumAddsThem()
    {
        ParticleTruth[] truth = [new(5, 10), new(7, 10)];
        var max = new GaussianHeatmap(1).RenderToArray(truth, Size, Size);
        var sum = new GaussianHeatmap(1) { Combine = LabelCombine.Sum }.RenderToArray(truth, Size, Size);
        var between = (float)Math.Exp(-0.5);
        Assert.Equal(between, At(max, 6, 10));
        Assert.Equal(2 * between, At(sum, 6, 10), 1e-6);
        Assert.Equal(1f, At(max, 5, 10));
        Assert.Equal(1 + (float)Math.Exp(-2), At(sum, 5, 10), 1e-6);
    }

    [Fact]
    public void PixelIntegratedPeakIsTheMeanOfTheGaussianOverThePixel()
    {
        // With σ = 1/√2 the pixel mean per axis is √π·erf(1/2); erf(0.5) from CPython math.erf.
        var sigma = 1 / Math.Sqrt(2);
        var map = new GaussianHeatmap(sigma) { Sampling = GaussianSampling.PixelIntegrated }.RenderToArray([new ParticleTruth(10, 10)], Size, Size);
        var axis = Math.Sqrt(Math.PI) * 0.5204998778130465;
        Assert.Equal((float)(axis * axis), At(map, 10, 10), 1e-6);
        Assert.Equal(At(map, 9, 10), At(map, 11, 10));
        Assert.True(At(map, 10, 10) < 1);
    }

    [Fact]
    public void ParticleJustOutsideTheFieldStillShowsItsTail()
    {
        var map = new GaussianHeatmap(1).RenderToArray([new ParticleTruth(-1, 5)], 10, 10);
        Assert.Equal((float)Math.Exp(-0.5), At(map, 0, 5, 10));
    }

    private static float At(float[] map, int col, int row, int width = Size) => map[(row * width) + col];
}
