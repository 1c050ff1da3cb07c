namespace Perrin.Core.IO.Png;

/// <summary>Finds the files of a PNG sequence given a folder, a wildcard pattern or a single file.</summary>
internal static class PngSequenceFiles
{
    public static string[] Resolve(string pathOrFolderOrPattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrFolderOrPattern);
        string[] files;
        if (Directory.Exists(pathOrFolderOrPattern))
        {
            files = [.. Directory.EnumerateFiles(pathOrFolderOrPattern, "*", SearchOption.TopDirectoryOnly)
                .Where(f => f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))];
        }
        else if (Path.GetFileName(pathOrFolderOrPattern).AsSpan().IndexOfAny('*', '?') >= 0)
        {
            var folder = Path.GetDirectoryName(pathOrFolderOrPattern) is { Length: > 0 } d ? d : ".";
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"{pathOrFolderOrPattern}: the folder '{folder}' does not exist");
            }

            var options = new EnumerationOptions { MatchType = MatchType.Simple, RecurseSubdirectories = false, MatchCasing = MatchCasing.PlatformDefault };
            files = [.. Directory.EnumerateFiles(folder, Path.GetFileName(pathOrFolderOrPattern), options)];
        }
        else if (File.Exists(pathOrFolderOrPattern))
        {
            files = [pathOrFolderOrPattern];
        }
        else
        {
            throw new FileNotFoundException($"{pathOrFolderOrPattern}: no such file, folder or pattern", pathOrFolderOrPattern);
        }

        if (files.Length == 0)
        {
            throw new FileNotFoundException($"{pathOrFolderOrPattern}: no PNG files found", pathOrFolderOrPattern);
        }

        Array.Sort(files, (a, b) => NaturalFileNameComparer.Instance.Compare(Path.GetFileName(a), Path.GetFileName(b)));
        return files;
    }
}
