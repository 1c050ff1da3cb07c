using Perrin.Core.Randomness;
using Perrin.Simulation.Augmentations;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Augmentations;

public class PixelMovingAugmentationTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void FlippingTwiceGivesBackTheSameBytes(bool horizontal, bool vertical)
    {
        var image = TestImages.Random(17, 11);
        var flip = new ImageFlip(horizontal, vertical);
        var once = new float[image.Length];
        var twice = new float[image.Length];
        flip.Apply(image, 17, 11, once);
        flip.Apply(once, 17, 11, twice);
        Assert.NotEqual(image, once);
        Assert.Equal(image, twice);
    }

    [Fact]
    public void FourQuarterTurnsGiveBackTheSameBytes()
    {
        var image = TestImages.Random(13, 7);
        var turn = new QuarterTurn(1);
        var a = image;
        int w = 13, h = 7;
        for (var i = 0; i < 4; i++)
        {
            var next = new float[a.Length];
            turn.Apply(a, w, h, next);
            (w, h) = turn.OutputSize(w, h);
            if (i < 3)
            {
                Assert.NotEqual(image, next);
            }

            a = next;
        }

        Assert.Equal((13, 7), (w, h));
        Assert.Equal(image, a);
    }

    [Fact]
    public void OneTurnIsNumpysRot90()
    {
        // numpy.rot90([[1, 2, 3], [4, 5, 6]]) = [[3, 6], [2, 5], [1, 4]].
        float[] image = [1, 2, 3, 4, 5, 6];
        var output = new float[6];
        new QuarterTurn(1).Apply(image, 3, 2, output);
        Assert.Equal([3f, 6, 2, 5, 1, 4], output);
        new QuarterTurn(2).Apply(image, 3, 2, output);
        Assert.Equal([6f, 5, 4, 3, 2, 1], output);
        new QuarterTurn(3).Apply(image, 3, 2, output);
        Assert.Equal([4f, 1, 5, 2, 6, 3], output);
    }

    public static TheoryData<int> EveryMove() => [0, 1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void TheTruthOfABrightPixelFollowsIt(int move)
    {
        IImageAugmentation augmentation = move switch
        {
            0 => new ImageFlip(true, false),
            1 => new ImageFlip(false, true),
            2 => new ImageFlip(true, true),
            3 => new QuarterTurn(1),
            4 => new QuarterTurn(2),
            5 => new QuarterTurn(3),
            _ => new CropWindow(2, 1, 5, 5),
        };
        const int width = 9, height = 6;
        var (outWidth, outHeight) = augmentation.OutputSize(width, height);
        for (var y = 1; y < height; y++)
        {
            for (var x = 2; x < 7; x++)
            {
                var image = new float[width * height];
                image[(y * width) + x] = 1;
                var output = new float[outWidth * outHeight];
                augmentation.Apply(image, width, height, output);
                var at = Array.IndexOf(output, 1f);
                var moved = augmentation.Transform(new ParticleTruth(x, y), width, height);
                Assert.Equal(at % outWidth, moved.X);
                Assert.Equal(at / outWidth, moved.Y);
            }
        }
    }

    [Fact]
    public void ACropShiftsTheTruthByItsOriginAndLeavesOutsidersOutOfTheField()
    {
        var crop = new CropWindow(10, 4, 20, 12);
        var image = TestImages.Random(40, 30);
        var output = new float[20 * 12];
        crop.Apply(image, 40, 30, output);
        for (var y = 0; y < 12; y++)
        {
            Assert.Equal(image.AsSpan(((y + 4) * 40) + 10, 20).ToArray(), output.AsSpan(y * 20, 20).ToArray());
        }

        var inside = crop.Transform(new ParticleTruth(12.375, 7.125, 30) { Photons = 500, TrackId = 3 }, 40, 30);
        Assert.Equal(new ParticleTruth(2.375, 3.125, 30) { Photons = 500, TrackId = 3 }, inside);
        var outside = crop.Transform(new ParticleTruth(35, 7), 40, 30);
        Assert.Equal(25, outside.X);
        Assert.False(TruthPositions.InField(outside, 20, 12));
        Assert.Single(TruthPositions.ToTable([[inside, outside]], 20, 12, 100).Rows);
    }

    [Fact]
    public void DrawnCropsCoverEveryOriginAndStayInside()
    {
        var random = new RandomStream(1, 2, 3);
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < 400; i++)
        {
            var crop = CropWindow.Draw(random, 12, 9, 10, 7);
            Assert.InRange(crop.X, 0, 2);
            Assert.InRange(crop.Y, 0, 2);
            seen.Add((crop.X, crop.Y));
        }

        Assert.Equal(9, seen.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => CropWindow.Draw(random, 12, 9, 13, 7));
    }

    [Fact]
    public void DrawsArePureFunctionsOfTheStream()
    {
        var first = ElasticWarp.Draw(new RandomStream(4, 9, 1), 32, 24, 20, 4);
        var second = ElasticWarp.Draw(new RandomStream(4, 9, 1), 32, 24, 20, 4);
        var image = TestImages.Random(32, 24);
        var a = new float[image.Length];
        var b = new float[image.Length];
        first.Apply(image, 32, 24, a);
        second.Apply(image, 32, 24, b);
        Assert.Equal(a, b);
        Assert.Equal(ImageFlip.Draw(new RandomStream(4, 9, 1)), ImageFlip.Draw(new RandomStream(4, 9, 1)));
        Assert.Equal(QuarterTurn.Draw(new RandomStream(4, 9, 1)), QuarterTurn.Draw(new RandomStream(4, 9, 1)));
    }
}
