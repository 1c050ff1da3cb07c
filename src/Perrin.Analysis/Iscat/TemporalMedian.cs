using Perrin.Core.Imaging;
using Perrin.Core.IO;

namespace Perrin.Analysis.Iscat;

/// <summary>
/// The static background of a movie: the per-pixel median over all its frames (numpy's convention for an even
/// count). For a movie on disk the median is taken over bands of rows, reading every frame once per band, so memory
/// stays within the budget however long the movie is (at least one row of every frame is held).
/// </summary>
public static class TemporalMedian
{
    /// <summary>Default memory for the bands of <see cref="Compute(IFrameReader, long)"/>: 256 MiB.</summary>
    public const long DefaultMemoryBudget = 256L << 20;

    public static float[] Compute(ImageStack movie)
    {
        ArgumentNullException.ThrowIfNull(movie);
        RequireFrames(movie.FrameCount, "the movie");
        var result = new float[movie.PixelsPerFrame];
        var values = new float[movie.FrameCount];
        CheckFinite(movie);
        for (var i = 0; i < result.Length; i++)
        {
            for (var f = 0; f < movie.FrameCount; f++)
            {
                values[f] = movie.Data[(f * movie.PixelsPerFrame) + i];
            }

            result[i] = (float)Median.OfInPlace(values);
        }

        return result;
    }

    public static float[] Compute(IFrameReader reader, long memoryBudgetBytes = DefaultMemoryBudget)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBudgetBytes, 1);
        RequireFrames(reader.FrameCount, reader.SourcePath);
        var (height, width, frames) = (reader.Height, reader.Width, reader.FrameCount);
        var rowBytes = (long)frames * width * sizeof(float);
        var rowsPerBand = (int)Math.Clamp(memoryBudgetBytes / rowBytes, 1, height);
        var frame = new float[height * width];
        var band = new float[checked(frames * rowsPerBand * width)];
        var values = new float[frames];
        var result = new float[height * width];
        for (var top = 0; top < height; top += rowsPerBand)
        {
            var rows = Math.Min(rowsPerBand, height - top);
            var bandPixels = rows * width;
            for (var f = 0; f < frames; f++)
            {
                reader.ReadFrame(f, frame);
                var slice = frame.AsSpan(top * width, bandPixels);
                CheckFinite(slice, width, top, f, reader.SourcePath);
                slice.CopyTo(band.AsSpan(f * bandPixels, bandPixels));
            }

            for (var i = 0; i < bandPixels; i++)
            {
                for (var f = 0; f < frames; f++)
                {
                    values[f] = band[(f * bandPixels) + i];
                }

                result[(top * width) + i] = (float)Median.OfInPlace(values);
            }
        }

        return result;
    }

    private static void RequireFrames(int count, string source)
    {
        if (count < 1)
        {
            throw new ArgumentException($"a temporal median needs at least one frame; {source} has none");
        }
    }

    private static void CheckFinite(ImageStack movie)
    {
        for (var f = 0; f < movie.FrameCount; f++)
        {
            CheckFinite(movie[f].Pixels, movie.Width, 0, f, "the movie");
        }
    }

    private static void CheckFinite(ReadOnlySpan<float> pixels, int width, int top, int frame, string source)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            if (!float.IsFinite(pixels[i]))
            {
                throw new ArgumentException($"temporal median: frame {frame} of {source} has the non-finite value {pixels[i]} at pixel ({i % width}, {top + (i / width)})");
            }
        }
    }
}
