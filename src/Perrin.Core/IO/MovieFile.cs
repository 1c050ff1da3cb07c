using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;

namespace Perrin.Core.IO;

/// <summary>Opens any movie Perrin reads (multi-page TIFF, one PNG, a folder or pattern of PNG frames) as frames.</summary>
public static class MovieFile
{
    public static FileKind Detect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path) || path.Contains('*', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            return FileKind.PngSequence;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        if (read >= 4 && IsTiffMagic(head))
        {
            return FileKind.Tiff;
        }

        if (head.SequenceEqual(PngFormat.Signature))
        {
            return FileKind.Png;
        }

        return LooksLikeText(head) ? FileKind.Table : FileKind.Unknown;
    }

    /// <summary>Opens a movie for streaming frame by frame.</summary>
    public static IFrameReader OpenReader(string path) => Detect(path) switch
    {
        FileKind.Tiff => TiffReader.Open(path),
        FileKind.Png or FileKind.PngSequence => PngSequenceReader.Open(path),
        FileKind.Table => throw new PerrinFormatException(path, null, "this is a table of localizations, not a movie (TIFF or PNG) file"),
        _ => throw new PerrinFormatException(path, 0, "expected a TIFF file (starting 'II*' or 'MM*') or a PNG file, found neither"),
    };

    private static bool IsTiffMagic(ReadOnlySpan<byte> h) =>
        (h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0) ||
        (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43));

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                return false;
            }
        }

        return head.Length > 0;
    }
}
