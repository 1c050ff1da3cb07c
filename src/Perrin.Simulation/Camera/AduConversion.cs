using System.Numerics;

namespace Perrin.Simulation.Camera;

/// <summary>
/// The last pass of <see cref="CameraPipeline"/>: electrons / gain + offset, rounded half up and clamped to
/// [0, maxAdu], vectorised with the scalar operations in each lane so the vector width does not show.
/// </summary>
internal static class AduConversion
{
    private static int Lanes => Vector<double>.Count;

    /// <summary>adu[i] = clamp(⌊electrons[i] / electronsPerAdu + offsets[i] + ½⌋).</summary>
    public static void Convert(ReadOnlySpan<double> electrons, double electronsPerAdu, ReadOnlySpan<double> offsets, double maxAdu, Span<float> adu)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var gain = new Vector<double>(electronsPerAdu);
            var top = new Vector<double>(maxAdu);
            var half = new Vector<double>(0.5);
            for (; i <= electrons.Length - (2 * Lanes); i += 2 * Lanes)
            {
                var j = i + Lanes;
                var low = Round((new Vector<double>(electrons[i..]) / gain) + new Vector<double>(offsets[i..]), half, top);
                var high = Round((new Vector<double>(electrons[j..]) / gain) + new Vector<double>(offsets[j..]), half, top);
                Vector.Narrow(low, high).CopyTo(adu[i..]);
            }
        }

        for (; i < electrons.Length; i++)
        {
            adu[i] = Round((electrons[i] / electronsPerAdu) + offsets[i], maxAdu);
        }
    }

    /// <summary>adu[i] = clamp(⌊electrons[i] / electronsPerAdu[i] + offsets[i] + ½⌋), for an sCMOS gain map.</summary>
    public static void Convert(ReadOnlySpan<double> electrons, ReadOnlySpan<float> electronsPerAdu, ReadOnlySpan<double> offsets, double maxAdu, Span<float> adu)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var top = new Vector<double>(maxAdu);
            var half = new Vector<double>(0.5);
            for (; i <= electrons.Length - (2 * Lanes); i += 2 * Lanes)
            {
                var j = i + Lanes;
                Vector.Widen(new Vector<float>(electronsPerAdu[i..]), out var gainLow, out var gainHigh);
                var low = Round((new Vector<double>(electrons[i..]) / gainLow) + new Vector<double>(offsets[i..]), half, top);
                var high = Round((new Vector<double>(electrons[j..]) / gainHigh) + new Vector<double>(offsets[j..]), half, top);
                Vector.Narrow(low, high).CopyTo(adu[i..]);
            }
        }

        for (; i < electrons.Length; i++)
        {
            adu[i] = Round((electrons[i] / electronsPerAdu[i]) + offsets[i], maxAdu);
        }
    }

    // Every rounded value is a whole number no larger than 2²⁴ − 1 once clamped, so narrowing to float is exact.
    private static Vector<double> Round(Vector<double> value, Vector<double> half, Vector<double> top) =>
        Vector.Min(Vector.Max(Vector.Floor(value + half), Vector<double>.Zero), top);

    private static float Round(double value, double maxAdu)
    {
        value = Math.Floor(value + 0.5);
        return (float)(value < 0 ? 0 : value > maxAdu ? maxAdu : value);
    }
}
