namespace Perrin.Analysis.Localizers.Candidates;

/// <summary>Separable smoothing with edges extended by their last pixel, so that borders make no false peaks.</summary>
internal static class SeparableFilters
{
    /// <summary>Normalised Gaussian taps for offsets −radius … radius.</summary>
    public static float[] GaussianKernel(double sigma, int radius)
    {
        var kernel = new float[(2 * radius) + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            var v = Math.Exp(-0.5 * i * i / (sigma * sigma));
            kernel[i + radius] = (float)v;
            sum += v;
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)(kernel[i] / sum);
        }

        return kernel;
    }

    /// <summary>Convolves rows then columns with <paramref name="kernel"/>; <paramref name="scratch"/> holds one frame.</summary>
    public static void Convolve(ReadOnlySpan<float> source, Span<float> destination, Span<float> scratch, int height, int width, ReadOnlySpan<float> kernel)
    {
        var radius = kernel.Length / 2;
        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * width, width);
            var output = scratch.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                float sum = 0;
                if (x >= radius && x + radius < width)
                {
                    var window = row.Slice(x - radius, kernel.Length);
                    for (var k = 0; k < kernel.Length; k++)
                    {
                        sum += kernel[k] * window[k];
                    }
                }
                else
                {
                    for (var k = -radius; k <= radius; k++)
                    {
                        sum += kernel[k + radius] * row[Math.Clamp(x + k, 0, width - 1)];
                    }
                }

                output[x] = sum;
            }
        }

        for (var y = 0; y < height; y++)
        {
            var output = destination.Slice(y * width, width);
            output.Clear();
            for (var k = -radius; k <= radius; k++)
            {
                var tap = kernel[k + radius];
                var input = scratch.Slice(Math.Clamp(y + k, 0, height - 1) * width, width);
                for (var x = 0; x < width; x++)
                {
                    output[x] += tap * input[x];
                }
            }
        }
    }

    /// <summary>Mean over the (2·radius + 1)² box around each pixel, by running sums in double precision.</summary>
    public static void BoxMean(ReadOnlySpan<float> source, Span<float> destination, Span<float> scratch, int height, int width, int radius)
    {
        var norm = 1.0 / ((2 * radius) + 1);
        for (var y = 0; y < height; y++)
        {
            RunningMean(source.Slice(y * width, width), scratch.Slice(y * width, width), 1, width, radius, norm);
        }

        // Down the columns, whole rows at a time, so that memory is read in order.
        var sums = new double[width];
        for (var k = -radius; k <= radius; k++)
        {
            Accumulate(sums, scratch.Slice(Math.Clamp(k, 0, height - 1) * width, width), 1.0);
        }

        for (var y = 0; y < height; y++)
        {
            var output = destination.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                output[x] = (float)(sums[x] * norm);
            }

            Accumulate(sums, scratch.Slice(Math.Min(y + radius + 1, height - 1) * width, width), 1.0);
            Accumulate(sums, scratch.Slice(Math.Max(y - radius, 0) * width, width), -1.0);
        }
    }

    private static void Accumulate(Span<double> sums, ReadOnlySpan<float> row, double sign)
    {
        for (var x = 0; x < sums.Length; x++)
        {
            sums[x] += sign * row[x];
        }
    }

    private static void RunningMean(ReadOnlySpan<float> input, Span<float> output, int stride, int count, int radius, double norm)
    {
        double sum = 0;
        for (var k = -radius; k <= radius; k++)
        {
            sum += input[Math.Clamp(k, 0, count - 1) * stride];
        }

        for (var i = 0; i < count; i++)
        {
            output[i * stride] = (float)(sum * norm);
            sum += input[Math.Min(i + radius + 1, count - 1) * stride] - input[Math.Max(i - radius, 0) * stride];
        }
    }
}
