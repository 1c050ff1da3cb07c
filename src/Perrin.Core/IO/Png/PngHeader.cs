namespace Perrin.Core.IO.Png;

/// <summary>The fields of a PNG's IHDR chunk as stored: bit depth per sample and the PNG colour type code (0, 2, 3, 4 or 6).</summary>
public sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, bool Interlaced);
