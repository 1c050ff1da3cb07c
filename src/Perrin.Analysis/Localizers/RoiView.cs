namespace Perrin.Analysis.Localizers;

/// <summary>
/// A candidate's ROI in photoelectrons (size × size, rows contiguous), where it sits in the frame, and the frame's
/// raw counts for trackpy's columns.
/// </summary>
internal readonly ref struct RoiView(ReadOnlySpan<float> photoelectrons, int size, int left, int top,
    ReadOnlySpan<float> counts, int width, int frameIndex, double pixelSizeNm)
{
    public ReadOnlySpan<float> Photoelectrons { get; } = photoelectrons;

    public int Size { get; } = size;

    /// <summary>Frame column of the ROI's first pixel.</summary>
    public int Left { get; } = left;

    /// <summary>Frame row of the ROI's first pixel.</summary>
    public int Top { get; } = top;

    /// <summary>The whole frame as read, in camera counts.</summary>
    public ReadOnlySpan<float> Counts { get; } = counts;

    public int Width { get; } = width;

    public int FrameIndex { get; } = frameIndex;

    public double PixelSizeNm { get; } = pixelSizeNm;

    /// <summary>trackpy's mass, raw mass and signal of the ROI in the frame's counts.</summary>
    public RoiStatistics CountStatistics() => RoiStatistics.Measure(Counts, Width, Left, Top, Size);
}
