namespace Perrin.Core.Imaging;

/// <summary>
/// A view of one frame of an <see cref="ImageStack"/>, or of any height × width float buffer, without copying.
/// Rows are contiguous; pixel (x, y) is at index y·width + x.
/// </summary>
public readonly struct ImageFrame
{
    private readonly Memory<float> _pixels;

    public ImageFrame(Memory<float> pixels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if ((long)height * width != pixels.Length)
        {
            throw new ArgumentException($"a {height}×{width} frame needs {(long)height * width} pixels, not {pixels.Length}", nameof(pixels));
        }

        _pixels = pixels;
        Height = height;
        Width = width;
    }

    public int Height { get; }

    public int Width { get; }

    public Memory<float> Memory => _pixels;

    public Span<float> Pixels => _pixels.Span;

    public Span<float> Row(int y) => _pixels.Span.Slice(checked(y * Width), Width);

    public ref float this[int y, int x]
    {
        get
        {
            if ((uint)y >= (uint)Height || (uint)x >= (uint)Width)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"pixel ({x}, {y}) is outside the {Width}×{Height} frame");
            }

            return ref _pixels.Span[(y * Width) + x];
        }
    }
}
