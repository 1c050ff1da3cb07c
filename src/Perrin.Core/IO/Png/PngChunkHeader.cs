namespace Perrin.Core.IO.Png;

/// <summary>A chunk's length and type, and the byte offset of its length field in the file.</summary>
internal readonly record struct PngChunkHeader(long Offset, int Length, string Type)
{
    /// <summary>A reader that does not know a critical chunk (upper-case first letter) must refuse the file.</summary>
    public bool IsCritical => char.IsAsciiLetterUpper(Type[0]);
}
