namespace Perrin.Core.Imaging;

public static class PixelTypeExtensions
{
    public static int BytesPerSample(this PixelType type) => type switch
    {
        PixelType.UInt8 or PixelType.Int8 => 1,
        PixelType.UInt16 or PixelType.Int16 => 2,
        PixelType.UInt32 or PixelType.Int32 or PixelType.Float32 => 4,
        PixelType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown pixel type"),
    };

    public static int BitsPerSample(this PixelType type) => type.BytesPerSample() * 8;

    public static bool IsFloatingPoint(this PixelType type) => type is PixelType.Float32 or PixelType.Float64;

    public static bool IsSigned(this PixelType type) =>
        type is PixelType.Int8 or PixelType.Int16 or PixelType.Int32 or PixelType.Float32 or PixelType.Float64;

    /// <summary>Short lower-case name used on the command line and in messages: u8, i16, f32…</summary>
    public static string ShortName(this PixelType type) => type switch
    {
        PixelType.UInt8 => "u8",
        PixelType.Int8 => "i8",
        PixelType.UInt16 => "u16",
        PixelType.Int16 => "i16",
        PixelType.UInt32 => "u32",
        PixelType.Int32 => "i32",
        PixelType.Float32 => "f32",
        PixelType.Float64 => "f64",
        _ => type.ToString(),
    };

    public static bool TryParse(string text, out PixelType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<PixelType>())
        {
            if (string.Equals(text, candidate.ShortName(), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
