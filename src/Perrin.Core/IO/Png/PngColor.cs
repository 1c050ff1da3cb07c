namespace Perrin.Core.IO.Png;

/// <summary>
/// The channels of a decoded PNG. Palette images are expanded to <see cref="Rgb"/> (or <see cref="Rgba"/> when
/// the palette has transparency), and 1, 2 and 4-bit grayscale to 8-bit <see cref="Gray"/>.
/// </summary>
public enum PngColor
{
    Gray,
    GrayAlpha,
    Rgb,
    Rgba,
}
