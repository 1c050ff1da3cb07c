using Perrin.Core.Imaging;

namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// What trackpy derives from the raw image's dtype: integer images keep their own range, float images are taken to
/// span 0..1 and are rescaled to 8 bits for peak finding.
/// </summary>
internal readonly record struct SampleGamut(PixelType Type)
{
    public bool IsInteger => !Type.IsFloatingPoint();

    /// <summary>The largest value of the integer type the processed image is scaled into (numpy's iinfo max).</summary>
    public double IntegerMax => Type switch
    {
        PixelType.Int8 => sbyte.MaxValue,
        PixelType.UInt16 => ushort.MaxValue,
        PixelType.Int16 => short.MaxValue,
        PixelType.UInt32 => uint.MaxValue,
        PixelType.Int32 => int.MaxValue,
        _ => byte.MaxValue,
    };

    public double DefaultThreshold => IsInteger ? 1 : 1 / 255.0;

    /// <summary>trackpy's invert_image: XOR with the type's maximum for integers, 1 − v for floats.</summary>
    public float Invert(float value)
    {
        if (!IsInteger)
        {
            return 1 - value;
        }

        var max = (long)IntegerMax;
        return (long)value ^ max;
    }
}
