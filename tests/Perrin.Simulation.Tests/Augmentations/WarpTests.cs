using Perrin.Core.Randomness;
using Perrin.Simulation.Augmentations;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Augmentations;

public class WarpTests
{
    [Fact]
    public void TheIdentityWarpCopiesTheImage()
    {
        var image = TestImages.Random(21, 14);
        var output = new float[image.Length];
        AffineWarp.AboutCentre(21, 14, 0).Apply(image, 21, 14, output);
        Assert.Equal(image, output);
    }

    [Fact]
    public void AWholePixelTranslationShiftsPixelsAndClampsTheEdge()
    {
        var image = TestImages.Random(10, 8);
        var output = new float[image.Length];
        AffineWarp.AboutCentre(10, 8, 0, translateX: 3, translateY: -2).Apply(image, 10, 8, output);
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                var from = (Math.Min(y + 2, 7) * 10) + Math.Max(x - 3, 0);
                Assert.Equal(image[from], output[(y * 10) + x]);
            }
        }
    }

    [Fact]
    public void CubicInterpolationIsExactOnStraightLinesAndHalfwayOnAStep()
    {
        float[] ramp = [0, 2, 4, 6, 8, 10];
        var output = new float[6];
        AffineWarp.AboutCentre(6, 1, 0, translateX: 0.5).Apply(ramp, 6, 1, output);
        Assert.Equal([3f, 5, 7], output[2..5]);

        // Keys' kernel at t = 1/2 weighs (−1, 9, 9, −1)/16; at a step it rises, but never below the nearer pixels.
        float[] step = [0, 0, 0, 16, 16, 16];
        AffineWarp.AboutCentre(6, 1, 0, translateX: 0.5).Apply(step, 6, 1, output);
        Assert.Equal([0f, 0, 0, 8, 17, 16], output);
    }

    [Fact]
    public void AffineTruthIsTheMapAboutTheCentre()
    {
        // 90° about the centre (15.5, 9.5) of a 32 × 20 image: (x, y) → (15.5 − (y − 9.5), 9.5 + (x − 15.5)).
        var warp = AffineWarp.AboutCentre(32, 20, Math.PI / 2, translateX: 1, translateY: 2);
        var moved = warp.Transform(new ParticleTruth(20, 11) { Photons = 100 }, 32, 20);
        Assert.Equal(15.5 - 1.5 + 1, moved.X, 12);
        Assert.Equal(9.5 + 4.5 + 2, moved.Y, 12);
        Assert.Equal(100, moved.Photons, 12);
        var scaled = AffineWarp.AboutCentre(32, 20, 0, 2, 1.5).Transform(new ParticleTruth(16.5, 10.5) { Photons = 100 }, 32, 20);
        Assert.Equal(17.5, scaled.X, 12);
        Assert.Equal(11, scaled.Y, 12);
        Assert.Equal(300, scaled.Photons, 9);
    }

    [Fact]
    public void ElasticTruthSolvesTheInverseMap()
    {
        var warp = ElasticWarp.Draw(new RandomStream(7, 1), 48, 40, 60, 5);
        var random = new RandomStream(8, 1);
        var largest = 0.0;
        for (var i = 0; i < 200; i++)
        {
            var p = new ParticleTruth(random.Uniform(-3, 50), random.Uniform(-3, 42));
            var q = warp.Transform(p, 48, 40);
            var (dx, dy) = warp.Displacement(q.X, q.Y);
            Assert.True(Math.Abs(p.X - q.X - dx) < 1e-8 && Math.Abs(p.Y - q.Y - dy) < 1e-8, $"{i}: p = ({p.X}, {p.Y}), q = ({q.X}, {q.Y}), residual ({q.X + dx - p.X}, {q.Y + dy - p.Y})");
            largest = Math.Max(largest, Math.Abs(dx) + Math.Abs(dy));
        }

        // The field is not trivially small: α = 60, σ = 5 moves points by about 1.5 px.
        Assert.True(largest > 1, $"largest displacement {largest}");
    }

    [Fact]
    public void ElasticDisplacementHasSimardsScale()
    {
        // Uniform noise on [−1, 1] (variance 1/3) under a normalized 2D Gaussian of σ has variance
        // (1/3)·Σk² ≈ (1/3)/(4πσ²); α = 50, σ = 4: sd = 50 / sqrt(12π·16) = 2.036 px. 64² points with a
        // correlation area of about 4πσ² ≈ 200 px² give ~20 independent values per axis, hence the 35 % band.
        var warp = ElasticWarp.Draw(new RandomStream(3, 0), 64, 64, 50, 4);
        double sum = 0;
        var n = 0;
        for (var y = 8; y < 56; y++)
        {
            for (var x = 8; x < 56; x++)
            {
                var (dx, dy) = warp.Displacement(x, y);
                sum += (dx * dx) + (dy * dy);
                n += 2;
            }
        }

        Assert.InRange(Math.Sqrt(sum / n), 2.036 * 0.65, 2.036 * 1.35);
    }
}
