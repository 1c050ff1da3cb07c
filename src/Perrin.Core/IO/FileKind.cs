namespace Perrin.Core.IO;

/// <summary>What a path holds, judged by its content (magic bytes) rather than its name where possible.</summary>
public enum FileKind
{
    Unknown,
    Tiff,
    Png,
    PngSequence,
    Table,
}
