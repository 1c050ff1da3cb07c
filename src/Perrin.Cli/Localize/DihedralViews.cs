namespace Perrin.Cli.Localize;

/// <summary>
/// The mirror images of a frame about its centre a position regressor is averaged over: the 8 symmetries of a
/// square (transposes and flips), 4 flips for a rectangle. View v transposes when v has bit 4, then flips
/// columns with bit 1 and rows with bit 2. The simulated training data have the same statistics in every view, so
/// each view's estimate is as good as the plain one, and their mean cancels part of the network's own error.
/// </summary>
internal static class DihedralViews
{
    public static int Count(int width, int height) => width == height ? 8 : 4;

    /// <summary>Writes view <paramref name="view"/> of <paramref name="frame"/> (width × height, rows contiguous) into <paramref name="destination"/>.</summary>
    public static void Write(ReadOnlySpan<float> frame, int width, int height, int view, Span<float> destination)
    {
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                destination[(r * width) + c] = frame[Source(r, c, width, height, view)];
            }
        }
    }

    /// <summary>
    /// Adds a square map of side <paramref name="side"/> computed on view <paramref name="view"/> back onto
    /// <paramref name="destination"/> in the frame's orientation: the inverse of <see cref="Write"/>.
    /// </summary>
    public static void AddBack(ReadOnlySpan<float> viewMap, int side, int view, Span<float> destination)
    {
        for (var r = 0; r < side; r++)
        {
            for (var c = 0; c < side; c++)
            {
                destination[Source(r, c, side, side, view)] += viewMap[(r * side) + c];
            }
        }
    }

    /// <summary>An offset from the centre estimated on view <paramref name="view"/>, mapped back to the frame.</summary>
    public static (float U, float V) Back(float u, float v, int view)
    {
        u = (view & 1) != 0 ? -u : u;
        v = (view & 2) != 0 ? -v : v;
        return (view & 4) != 0 ? (v, u) : (u, v);
    }

    /// <summary>The index in the frame of the pixel that view <paramref name="view"/> shows at row r, column c.</summary>
    private static int Source(int r, int c, int width, int height, int view)
    {
        var sc = (view & 1) != 0 ? width - 1 - c : c;
        var sr = (view & 2) != 0 ? height - 1 - r : r;
        if ((view & 4) != 0)
        {
            (sc, sr) = (sr, sc);
        }

        return (sr * width) + sc;
    }
}
