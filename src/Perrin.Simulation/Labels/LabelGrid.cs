using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// Geometry shared by the labels. A label grid with k bins per image pixel puts bin i over
/// [i/k − 0.5, (i+1)/k − 0.5) in image pixel units, so that with k = 1 the bin of a position is the pixel whose
/// centre is nearest (ties go to the higher pixel).
/// </summary>
internal static class LabelGrid
{
    public static bool Counts(in ParticleTruth particle, bool includeOff) =>
        (includeOff || particle.IsOn) && double.IsFinite(particle.X) && double.IsFinite(particle.Y);

    /// <summary>Left edge of bin <paramref name="bin"/>; exact whenever the factor is a power of two.</summary>
    public static double Edge(int bin, int factor) => ((double)bin / factor) - 0.5;

    /// <summary>The bin holding <paramref name="x"/> (image pixels) when it lies inside the <paramref name="bins"/> bins.</summary>
    public static bool TryBin(double x, int factor, int bins, out int bin)
    {
        bin = 0;
        var u = (x + 0.5) * factor;
        if (!(u >= -1 && u < bins + 1.0))
        {
            return false;
        }

        // The product can round across an edge; compare with the edges themselves so every label agrees.
        var i = (int)Math.Floor(u);
        if (x < Edge(i, factor))
        {
            i--;
        }
        else if (x >= Edge(i + 1, factor))
        {
            i++;
        }

        bin = i;
        return i >= 0 && i < bins;
    }

    /// <summary>Indices of the pixel centres within <paramref name="reach"/> of <paramref name="centre"/>, clipped to [0, size).</summary>
    public static bool Window(double centre, double reach, int size, out int lo, out int hi)
    {
        var first = Math.Ceiling(centre - reach);
        var last = Math.Floor(centre + reach);
        lo = 0;
        hi = -1;
        if (!(last >= 0 && first <= size - 1))
        {
            return false;
        }

        lo = (int)Math.Max(first, 0);
        hi = (int)Math.Min(last, size - 1);
        return lo <= hi;
    }

    /// <summary>Image size multiplied by a grid factor, refusing sizes no span could hold.</summary>
    public static (int Width, int Height) Scaled(int width, int height, int factor, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var w = (long)width * factor;
        var h = (long)height * factor;
        if (w * h * channels > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width}×{height} image gives a label of {w}×{h}×{channels} floats, more than an array can hold");
        }

        return ((int)w, (int)h);
    }

    /// <summary>Checks the destination and clears the part the label owns; returns the output size.</summary>
    public static (int Width, int Height) Prepare(ILabel label, int width, int height, Span<float> destination)
    {
        var (w, h) = label.OutputSize(width, height);
        var length = w * h * label.Channels;
        if (destination.Length < length)
        {
            throw new ArgumentException($"the destination holds {destination.Length} floats; the '{label.Name}' label of a {width}×{height} image needs {length}", nameof(destination));
        }

        destination[..length].Clear();
        return (w, h);
    }
}
