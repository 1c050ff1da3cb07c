namespace Perrin.Analysis.Iscat;

/// <summary>
/// The running-sum arithmetic of the differential rolling average, shared by the streaming stage and the in-memory
/// function so that both give bit-identical frames. Sums are kept in double: for camera counts (integers) they are
/// exact for any practical movie length, so the O(1) update never drifts from a fresh sum.
/// </summary>
internal static class DraArithmetic
{
    public static void Add(Span<double> sum, ReadOnlySpan<float> frame)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += frame[i];
        }
    }

    /// <summary>Moves a batch one frame on: <paramref name="entering"/> joins it, <paramref name="leaving"/> drops out.</summary>
    public static void Slide(Span<double> sum, ReadOnlySpan<float> entering, ReadOnlySpan<float> leaving)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += entering[i] - (double)leaving[i];
        }
    }

    public static void Emit(ReadOnlySpan<double> earlier, ReadOnlySpan<double> later, int batchSize, DraMode mode, Span<float> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            var first = earlier[i] / batchSize;
            var difference = (later[i] / batchSize) - first;
            output[i] = (float)(mode == DraMode.Ratio ? difference / first : difference);
        }
    }

    public static void CheckBatchSize(int batchSize)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the DRA batch size must be at least 1 frame");
        }
    }

    public static void CheckMode(DraMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "the DRA mode must be Ratio or Difference");
        }
    }

    public static string Describe(int batchSize, DraMode mode) =>
        $"differential rolling average (batch size {batchSize}, {mode.ToString().ToLowerInvariant()})";
}
