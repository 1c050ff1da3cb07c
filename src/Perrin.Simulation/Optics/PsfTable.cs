namespace Perrin.Simulation.Optics;

/// <summary>
/// A PSF sampled once into pixel-integrated patches on a grid of sub-pixel offsets and depths, so that adding
/// a point costs a few multiply-adds per patch pixel and no transform. A point is drawn centred on its nearest
/// pixel, from the patches of the surrounding offsets and depths interpolated bilinearly in (x, y) and linearly
/// in z; depths outside the grid use its nearest end. Light outside the patch or the image is lost.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class PsfTable : IPsf
{
    private readonly float[] _patches;
    private readonly double[] _depths;

    private PsfTable(int patchSize, int offsetsPerPixel, double[] depths, float[] patches)
    {
        PatchSize = patchSize;
        OffsetsPerPixel = offsetsPerPixel;
        _depths = depths;
        _patches = patches;
        int offsets = offsetsPerPixel + 1;
        int area = patchSize * patchSize;
        int centre = offsets / 2;
        PatchEnergy = [.. depths.Select((_, zi) =>
        {
            // Energy of the point centred on a pixel (or nearest to it for an odd offset count).
            int start = ((((zi * offsets) + centre) * offsets) + centre) * area;
            return patches.AsSpan(start, area).ToArray().Sum(v => (double)v);
        })];
    }

    public int PatchSize { get; }

    public int OffsetsPerPixel { get; }

    public IReadOnlyList<double> DepthsNm => _depths;

    /// <summary>Fraction of the light inside the patch, at each depth, for a point at a pixel centre.</summary>
    public IReadOnlyList<double> PatchEnergy { get; }

    private int PatchArea => PatchSize * PatchSize;

    public static PsfTable Build(IPsf source, PsfTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        double[] depths = options.Depths();
        int patch = options.PatchSize != 0 ? options.PatchSize : AutomaticPatchSize(source, depths, options.EnclosedEnergy);
        if (source is IPatchSource limited && patch > limited.MaxPatchSize)
        {
            throw new ArgumentException($"A patch of {patch} pixels is larger than this PSF can fill ({limited.MaxPatchSize}: one period less a pixel).", nameof(options));
        }

        int offsets = options.OffsetsPerPixel + 1;
        long slab = (long)offsets * offsets * patch * patch;
        if (slab * depths.Length > Array.MaxLength)
        {
            throw new ArgumentException($"A table of {slab * depths.Length} samples is too large; use fewer depths, offsets or a smaller patch.", nameof(options));
        }

        var patches = new float[slab * depths.Length];
        Parallel.For(0, depths.Length, zi =>
            RenderSlab(source, depths[zi], patch, options.OffsetsPerPixel, patches.AsSpan((int)(zi * slab), (int)slab)));
        return new PsfTable(patch, options.OffsetsPerPixel, depths, patches);
    }

    public void AddPoint(Span<float> image, int width, int height, double x, double y, double z, double weight)
    {
        ImageWindow.RequireImage(image.Length, width, height);
        long cx = ImageWindow.Nearest(x);
        long cy = ImageWindow.Nearest(y);
        int half = PatchSize / 2;
        var window = ImageWindow.Clip(cx - half, cy - half, PatchSize, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        var grid = new TableGrid(OffsetsPerPixel, _depths);
        (int ox, double ax) = grid.Cell(x - cx);
        (int oy, double ay) = grid.Cell(y - cy);
        (int zi, double az) = grid.DepthCell(z);
        AddSlab(image, width, window, cx - half, cy - half, grid.Corners(zi, ox, oy, ax, ay, weight * (1 - az)));
        if (az > 0)
        {
            AddSlab(image, width, window, cx - half, cy - half, grid.Corners(zi + 1, ox, oy, ax, ay, weight * az));
        }
    }

    private void AddSlab(Span<float> image, int width, ImageWindow window, long left, long top, PatchCorners corners)
    {
        int area = PatchArea;
        ReadOnlySpan<float> p00 = _patches.AsSpan(corners.P00 * area, area);
        ReadOnlySpan<float> p01 = _patches.AsSpan(corners.P01 * area, area);
        ReadOnlySpan<float> p10 = _patches.AsSpan(corners.P10 * area, area);
        ReadOnlySpan<float> p11 = _patches.AsSpan(corners.P11 * area, area);
        float w00 = (float)corners.W00, w01 = (float)corners.W01, w10 = (float)corners.W10, w11 = (float)corners.W11;
        int columns = window.EndColumn - window.FirstColumn;
        int firstPatchColumn = (int)(window.FirstColumn - left);
        for (int row = window.FirstRow; row < window.EndRow; row++)
        {
            int at = ((int)(row - top) * PatchSize) + firstPatchColumn;
            VectorMath.AddFourScaled(
                image.Slice((row * width) + window.FirstColumn, columns),
                w00, p00.Slice(at, columns), w01, p01.Slice(at, columns), w10, p10.Slice(at, columns), w11, p11.Slice(at, columns));
        }
    }

    private static void RenderSlab(IPsf source, double z, int patch, int offsetsPerPixel, Span<float> destination)
    {
        if (source is IPatchSource fast)
        {
            fast.RenderPatchGrid(z, patch, offsetsPerPixel, destination);
            return;
        }

        int offsets = offsetsPerPixel + 1;
        int area = patch * patch;
        double centre = patch / 2;
        for (int oy = 0; oy < offsets; oy++)
        {
            for (int ox = 0; ox < offsets; ox++)
            {
                double dx = -0.5 + ((double)ox / offsetsPerPixel);
                double dy = -0.5 + ((double)oy / offsetsPerPixel);
                source.AddPoint(destination.Slice(((oy * offsets) + ox) * area, area), patch, patch, centre + dx, centre + dy, z, 1.0);
            }
        }
    }

    private static int AutomaticPatchSize(IPsf source, double[] depths, double enclosedEnergy)
    {
        const int probe = PsfTableOptions.MaxAutoPatchSize;
        const int centre = probe / 2;
        var image = new float[probe * probe];
        int size = 1;
        foreach (double z in depths)
        {
            Array.Clear(image);
            source.AddPoint(image, probe, probe, centre, centre, z, 1.0);
            double energy = 0;
            for (int radius = 0; radius <= centre; radius++)
            {
                energy += RingEnergy(image, probe, centre, radius);
                if (energy >= enclosedEnergy || radius == centre)
                {
                    size = Math.Max(size, (2 * radius) + 1);
                    break;
                }
            }
        }

        return size;
    }

    // Light in the square ring of pixels at Chebyshev distance `radius` from the centre.
    private static double RingEnergy(float[] image, int side, int centre, int radius)
    {
        double sum = 0;
        for (int row = centre - radius; row <= centre + radius; row++)
        {
            bool edgeRow = row == centre - radius || row == centre + radius;
            for (int column = centre - radius; column <= centre + radius; column += edgeRow || radius == 0 ? 1 : 2 * radius)
            {
                sum += image[(row * side) + column];
            }
        }

        return sum;
    }
}
