namespace Perrin.Core.Imaging;

/// <summary>
/// Physical calibration of a stack. Pixel size is the size of one pixel in the sample plane, in nanometres;
/// the frame interval is in seconds. Either may be unknown.
/// </summary>
public sealed record StackMetadata
{
    public static readonly StackMetadata Unknown = new();

    public double? PixelSizeNm { get; init; }

    public double? FrameIntervalS { get; init; }

    /// <summary>Free-form description carried through conversions (for instance a recipe name).</summary>
    public string? Description { get; init; }
}
