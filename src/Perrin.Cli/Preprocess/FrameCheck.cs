using System.Globalization;

namespace Perrin.Cli.Preprocess;

/// <summary>
/// Checks each frame as it is read, so that a bad pixel is reported with the file, the frame (counted from 1, as
/// Fiji shows it) and the pixel, before a stage would spread it into the running sums of later frames.
/// </summary>
internal static class FrameCheck
{
    public static void Require(string source, int index, ReadOnlySpan<float> frame, int width, bool positiveMean)
    {
        var sum = 0.0;
        for (var i = 0; i < frame.Length; i++)
        {
            var v = frame[i];
            if (!float.IsFinite(v))
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: frame {index + 1} has the non-finite value {v} at pixel ({i % width}, {i / width}); preprocessing needs finite pixels"));
            }

            sum += v;
        }

        var mean = sum / frame.Length;
        if (positiveMean && !(mean > 0))
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: frame {index + 1} has mean {mean}; --power-normalize divides every frame by its mean, which must be positive (is the camera offset subtracted twice?)"));
        }
    }
}
