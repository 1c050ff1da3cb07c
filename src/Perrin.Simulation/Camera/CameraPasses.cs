using System.Numerics;

namespace Perrin.Simulation.Camera;

/// <summary>
/// The arithmetic passes of <see cref="CameraPipeline"/> over one block of pixels, vectorised. Every lane does the
/// scalar operations in the scalar order (widening is exact, each product, quotient and sum is rounded once, no
/// fused multiply-adds), so the results do not depend on the vector width.
/// </summary>
internal static class CameraPasses
{
    private static int Lanes => Vector<double>.Count;

    /// <summary>
    /// electrons[i] = photons[i] · qe · gain + dark, where gain is <paramref name="rowGain"/> · columnGains[i] (or
    /// none when <paramref name="columnGains"/> is empty); false when a photon count is NaN, negative or above
    /// <see cref="CameraModel.MaxPhotonsPerPixel"/>.
    /// </summary>
    public static bool ExpectedElectrons(ReadOnlySpan<float> photons, double qe, double dark, double rowGain, ReadOnlySpan<float> columnGains, Span<double> electrons)
    {
        var patterned = !columnGains.IsEmpty;
        var valid = Vector<long>.AllBitsSet;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var quantum = new Vector<double>(qe);
            var darkCharge = new Vector<double>(dark);
            var row = new Vector<double>(rowGain);
            var most = new Vector<double>(CameraModel.MaxPhotonsPerPixel);
            for (; i <= photons.Length - (2 * Lanes); i += 2 * Lanes)
            {
                Vector.Widen(new Vector<float>(photons[i..]), out var low, out var high);
                valid &= Vector.GreaterThanOrEqual(low, Vector<double>.Zero) & Vector.LessThanOrEqual(low, most);
                valid &= Vector.GreaterThanOrEqual(high, Vector<double>.Zero) & Vector.LessThanOrEqual(high, most);
                low *= quantum;
                high *= quantum;
                if (patterned)
                {
                    Vector.Widen(new Vector<float>(columnGains[i..]), out var gainLow, out var gainHigh);
                    low *= row * gainLow;
                    high *= row * gainHigh;
                }

                (low + darkCharge).CopyTo(electrons[i..]);
                (high + darkCharge).CopyTo(electrons[(i + Lanes)..]);
            }
        }

        var allValid = valid == Vector<long>.AllBitsSet;
        for (; i < photons.Length; i++)
        {
            double p = photons[i];
            allValid &= p is >= 0 and <= CameraModel.MaxPhotonsPerPixel;
            var signal = p * qe;
            if (patterned)
            {
                signal *= rowGain * columnGains[i];
            }

            electrons[i] = signal + dark;
        }

        return allValid;
    }

    /// <summary>values[i] = min(values[i], limit).</summary>
    public static void ClampAbove(Span<double> values, double limit)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var top = new Vector<double>(limit);
            for (; i <= values.Length - Lanes; i += Lanes)
            {
                Vector.Min(new Vector<double>(values[i..]), top).CopyTo(values[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Min(values[i], limit);
        }
    }

    /// <summary>electrons[i] += sigma · normals[i].</summary>
    public static void AddNoise(Span<double> electrons, double sigma, ReadOnlySpan<double> normals)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<double>(sigma);
            for (; i <= electrons.Length - Lanes; i += Lanes)
            {
                (new Vector<double>(electrons[i..]) + (s * new Vector<double>(normals[i..]))).CopyTo(electrons[i..]);
            }
        }

        for (; i < electrons.Length; i++)
        {
            electrons[i] += sigma * normals[i];
        }
    }

    /// <summary>electrons[i] += sigmas[i] · normals[i].</summary>
    public static void AddNoise(Span<double> electrons, ReadOnlySpan<float> sigmas, ReadOnlySpan<double> normals)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= electrons.Length - (2 * Lanes); i += 2 * Lanes)
            {
                Vector.Widen(new Vector<float>(sigmas[i..]), out var low, out var high);
                (new Vector<double>(electrons[i..]) + (low * new Vector<double>(normals[i..]))).CopyTo(electrons[i..]);
                var j = i + Lanes;
                (new Vector<double>(electrons[j..]) + (high * new Vector<double>(normals[j..]))).CopyTo(electrons[j..]);
            }
        }

        for (; i < electrons.Length; i++)
        {
            electrons[i] += sigmas[i] * normals[i];
        }
    }

    /// <summary>offsets[i] = source[i] (widened), the per-pixel offsets of an sCMOS map.</summary>
    public static void Widen(ReadOnlySpan<float> source, Span<double> offsets)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - (2 * Lanes); i += 2 * Lanes)
            {
                Vector.Widen(new Vector<float>(source[i..]), out var low, out var high);
                low.CopyTo(offsets[i..]);
                high.CopyTo(offsets[(i + Lanes)..]);
            }
        }

        for (; i < source.Length; i++)
        {
            offsets[i] = source[i];
        }
    }

    /// <summary>offsets[i] += rowOffset + columnOffsets[i], the fixed-pattern offsets of one row segment.</summary>
    public static void AddPatternOffsets(Span<double> offsets, double rowOffset, ReadOnlySpan<float> columnOffsets)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var row = new Vector<double>(rowOffset);
            for (; i <= offsets.Length - (2 * Lanes); i += 2 * Lanes)
            {
                Vector.Widen(new Vector<float>(columnOffsets[i..]), out var low, out var high);
                (new Vector<double>(offsets[i..]) + (row + low)).CopyTo(offsets[i..]);
                var j = i + Lanes;
                (new Vector<double>(offsets[j..]) + (row + high)).CopyTo(offsets[j..]);
            }
        }

        for (; i < offsets.Length; i++)
        {
            offsets[i] += rowOffset + columnOffsets[i];
        }
    }
}
