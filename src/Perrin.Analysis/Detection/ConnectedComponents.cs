using Perrin.Core.Imaging;

namespace Perrin.Analysis.Detection;

/// <summary>8-connected components of a thresholded map, labelled deterministically.</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Writes into <paramref name="labels"/> (height × width) 0 for pixels below <paramref name="threshold"/> and,
    /// for the others, the label of their 8-connected component: 1, 2, … in the raster order of each component's
    /// first pixel, so the labelling depends on the map alone. Returns the number of components.
    /// </summary>
    public static int Label(ImageFrame map, float threshold, Span<int> labels)
    {
        MapValidation.RequirePositiveThreshold(threshold, nameof(threshold));
        if (labels.Length != map.Pixels.Length)
        {
            throw new ArgumentException($"the label buffer has {labels.Length} entries but the map has {map.Pixels.Length} pixels", nameof(labels));
        }

        MapValidation.RequireFinite(map, nameof(map));
        labels.Clear();
        var pixels = map.Pixels;
        var queue = new int[pixels.Length];
        var count = 0;
        for (var start = 0; start < pixels.Length; start++)
        {
            if (labels[start] != 0 || !(pixels[start] >= threshold))
            {
                continue;
            }

            count++;
            labels[start] = count;
            Flood(map, threshold, labels, queue, start, count);
        }

        return count;
    }

    /// <summary>The components of <paramref name="map"/> at <paramref name="threshold"/>, in label order.</summary>
    public static IReadOnlyList<Blob> Find(ImageFrame map, float threshold)
    {
        var labels = new int[map.Pixels.Length];
        var count = Label(map, threshold, labels);
        var size = new int[count + 1];
        var sum = new double[count + 1];
        var sumX = new double[count + 1];
        var sumY = new double[count + 1];
        var peak = new int[count + 1];
        Array.Fill(peak, -1);
        var pixels = map.Pixels;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == 0)
            {
                continue;
            }

            double v = pixels[i];
            size[label]++;
            sum[label] += v;
            sumX[label] += v * (i % map.Width);
            sumY[label] += v * (i / map.Width);
            if (peak[label] < 0 || pixels[i] > pixels[peak[label]])
            {
                peak[label] = i;
            }
        }

        var blobs = new Blob[count];
        for (var label = 1; label <= count; label++)
        {
            var p = peak[label];
            blobs[label - 1] = new Blob(label, size[label], sum[label], pixels[p], p % map.Width, p / map.Width, sumX[label] / sum[label], sumY[label] / sum[label]);
        }

        return blobs;
    }

    private static void Flood(ImageFrame map, float threshold, Span<int> labels, int[] queue, int start, int label)
    {
        var pixels = map.Pixels;
        var head = 0;
        var tail = 0;
        queue[tail++] = start;

        // Every pixel enters the queue at most once (it is labelled when queued), so the queue never overflows.
        while (head < tail)
        {
            var index = queue[head++];
            var x = index % map.Width;
            var y = index / map.Width;
            for (var ny = Math.Max(0, y - 1); ny <= Math.Min(map.Height - 1, y + 1); ny++)
            {
                for (var nx = Math.Max(0, x - 1); nx <= Math.Min(map.Width - 1, x + 1); nx++)
                {
                    var n = (ny * map.Width) + nx;
                    if (labels[n] == 0 && pixels[n] >= threshold)
                    {
                        labels[n] = label;
                        queue[tail++] = n;
                    }
                }
            }
        }
    }
}
