namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// A solid body placed in the sample: positions in pixels of the image (x along columns, y along rows, (0, 0) at
/// the centre of the first pixel), z and sizes in nm. Fluorescent extended objects and the slices of multislice
/// propagation are both drawn from <see cref="AddSlab"/>, so a shape means the same in every modality.
/// Implementations are immutable and safe to share between threads.
/// </summary>
public interface IShape
{
    /// <summary>Smallest and largest z (nm) the body reaches.</summary>
    (double MinNm, double MaxNm) DepthExtent { get; }

    /// <summary>Columns and rows of pixels the body may touch (inclusive; may lie outside the image).</summary>
    (int X0, int Y0, int X1, int Y1) PixelBounds { get; }

    /// <summary>
    /// Adds <paramref name="weight"/> × the length in nm of the body inside the slab
    /// <paramref name="zFromNm"/> ≤ z &lt; <paramref name="zToNm"/>, averaged over each pixel's area, to the image
    /// (row-major, <paramref name="width"/> × <paramref name="height"/>). With an infinite slab this is the
    /// projected thickness; summed over the image and multiplied by the pixel area it is the volume.
    /// </summary>
    void AddSlab(Span<float> image, int width, int height, double zFromNm, double zToNm, double weight);

    /// <summary>Adds <paramref name="weight"/> × the fraction of each pixel's area the body's outline (its projection along z) covers.</summary>
    void AddCoverage(Span<float> image, int width, int height, double weight);
}
