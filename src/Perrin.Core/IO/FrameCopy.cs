using Perrin.Core.Imaging;

namespace Perrin.Core.IO;

/// <summary>
/// Streams every frame of a movie into a writer, one frame in memory at a time. Same sample type and
/// <see cref="IntegerScaling.Clip"/> copies raw samples, so the copy is bit-exact; otherwise samples go through
/// float32, with <see cref="IntegerScaling.MinMax"/> taking a first pass to find the movie's range.
/// </summary>
public static class FrameCopy
{
    /// <summary>Number of frame reads the copy will make, for progress reporting.</summary>
    public static long WorkUnits(IFrameReader reader, IFrameWriter writer, IntegerScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        return NeedsRangePass(writer, scaling) ? 2L * reader.FrameCount : reader.FrameCount;
    }

    public static void Copy(IFrameReader reader, IFrameWriter writer, IntegerScaling scaling = IntegerScaling.Clip, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        if (reader.Width != writer.Width || reader.Height != writer.Height)
        {
            throw new ArgumentException($"the writer takes {writer.Width}×{writer.Height} frames, the movie has {reader.Width}×{reader.Height}", nameof(writer));
        }

        var pixels = reader.Width * reader.Height;
        long done = 0;
        if (reader.PixelType == writer.PixelType && scaling == IntegerScaling.Clip)
        {
            var raw = new byte[(long)pixels * reader.PixelType.BytesPerSample()];
            for (var f = 0; f < reader.FrameCount; f++)
            {
                reader.ReadFrameRaw(f, raw);
                writer.WriteFrameRaw(raw);
                progress?.Invoke(++done);
            }

            return;
        }

        var frame = new float[pixels];
        var (offset, gain) = (0.0, 1.0);
        if (NeedsRangePass(writer, scaling))
        {
            var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
            for (var f = 0; f < reader.FrameCount; f++)
            {
                reader.ReadFrame(f, frame);
                foreach (var v in frame)
                {
                    if (float.IsFinite(v))
                    {
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }

                progress?.Invoke(++done);
            }

            var (lo, hi) = PixelCodec.Range(writer.PixelType);
            gain = max > min ? (hi - lo) / (max - min) : 0;
            offset = max > min ? lo - (min * gain) : lo;
        }

        for (var f = 0; f < reader.FrameCount; f++)
        {
            reader.ReadFrame(f, frame);
            if (gain != 1.0 || offset != 0.0)
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] = (float)(offset + (frame[i] * gain));
                }
            }

            writer.WriteFrame(frame);
            progress?.Invoke(++done);
        }
    }

    private static bool NeedsRangePass(IFrameWriter writer, IntegerScaling scaling) =>
        scaling == IntegerScaling.MinMax && !writer.PixelType.IsFloatingPoint();
}
