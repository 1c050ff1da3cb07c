namespace Perrin.Core.IO.Png;

/// <summary>
/// One sub-image of a PNG: the whole image, or one of the seven Adam7 passes. Its pixel (i, j) lands on
/// image pixel (X0 + i·StepX, Y0 + j·StepY); its scanlines start at <see cref="Start"/> in the inflated data.
/// </summary>
internal readonly record struct PngPass(int X0, int Y0, int StepX, int StepY, int Width, int Height, int RowBytes, long Start)
{
    /// <summary>A filter-type byte and the packed samples of each row.</summary>
    public long Length => Height == 0 || Width == 0 ? 0 : (long)Height * (1 + RowBytes);
}
