namespace Perrin.Core.Imaging;

/// <summary>How one sample of an image is stored on disk.</summary>
public enum PixelType
{
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}
