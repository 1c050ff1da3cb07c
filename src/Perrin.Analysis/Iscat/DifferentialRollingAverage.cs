using Perrin.Core.Imaging;

namespace Perrin.Analysis.Iscat;

/// <summary>The differential rolling average of a movie held in memory; bit-identical to <see cref="DifferentialRollingAverageStage"/>.</summary>
public static class DifferentialRollingAverage
{
    /// <summary>The N − 2B + 1 DRA frames of <paramref name="movie"/>.</summary>
    public static ImageStack Compute(ImageStack movie, int batchSize, DraMode mode = DraMode.Ratio)
    {
        ArgumentNullException.ThrowIfNull(movie);
        DraArithmetic.CheckBatchSize(batchSize);
        DraArithmetic.CheckMode(mode);
        var description = DraArithmetic.Describe(batchSize, mode);
        if (movie.FrameCount < 2L * batchSize)
        {
            throw new ArgumentException($"{description} needs at least {2L * batchSize} frames; the movie has {movie.FrameCount}", nameof(movie));
        }

        var earlier = new double[movie.PixelsPerFrame];
        var later = new double[movie.PixelsPerFrame];
        for (var f = 0; f < 2 * batchSize; f++)
        {
            FrameInput.Check(description, movie.Height, movie.Width, movie[f].Pixels, f);
            DraArithmetic.Add(f < batchSize ? earlier : later, movie[f].Pixels);
        }

        var output = new ImageStack(movie.FrameCount - (2 * batchSize) + 1, movie.Height, movie.Width, movie.Metadata);
        DraArithmetic.Emit(earlier, later, batchSize, mode, output[0].Pixels);
        for (var k = 1; k < output.FrameCount; k++)
        {
            var entering = movie[k + (2 * batchSize) - 1].Pixels;
            FrameInput.Check(description, movie.Height, movie.Width, entering, k + (2 * batchSize) - 1);
            var middle = movie[k + batchSize - 1].Pixels;
            DraArithmetic.Slide(earlier, middle, movie[k - 1].Pixels);
            DraArithmetic.Slide(later, entering, middle);
            DraArithmetic.Emit(earlier, later, batchSize, mode, output[k].Pixels);
        }

        return output;
    }
}
