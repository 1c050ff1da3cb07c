namespace Perrin.Core.IO.Tiff;

/// <summary>How <see cref="TiffWriter"/> cuts a frame into pieces: horizontal strips or square tiles.</summary>
public enum TiffLayout
{
    Strips,
    Tiles,
}
