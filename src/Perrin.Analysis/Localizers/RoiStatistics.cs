namespace Perrin.Analysis.Localizers;

/// <summary>
/// trackpy-style brightness of a square ROI in the frame's own units (camera counts): the raw sum, the sum above
/// the mean of the ROI's rim, and the highest pixel above that rim mean.
/// </summary>
internal readonly record struct RoiStatistics(double RawMass, double Mass, double Signal)
{
    public static RoiStatistics Measure(ReadOnlySpan<float> frame, int width, int left, int top, int size)
    {
        double sum = 0, rim = 0, peak = double.NegativeInfinity;
        for (var row = 0; row < size; row++)
        {
            var line = frame.Slice(((top + row) * width) + left, size);
            for (var col = 0; col < size; col++)
            {
                var v = line[col];
                sum += v;
                peak = Math.Max(peak, v);
                if (row == 0 || col == 0 || row == size - 1 || col == size - 1)
                {
                    rim += v;
                }
            }
        }

        var background = rim / (4.0 * (size - 1));
        return new RoiStatistics(sum, sum - (background * size * size), peak - background);
    }

    /// <summary>Copies the ROI; false when it holds a NaN or infinite pixel, which no fit can use.</summary>
    public static bool TryCopy(ReadOnlySpan<float> frame, int width, int left, int top, int size, Span<float> roi)
    {
        for (var row = 0; row < size; row++)
        {
            var line = frame.Slice(((top + row) * width) + left, size);
            for (var col = 0; col < size; col++)
            {
                if (!float.IsFinite(line[col]))
                {
                    return false;
                }
            }

            line.CopyTo(roi.Slice(row * size, size));
        }

        return true;
    }
}
