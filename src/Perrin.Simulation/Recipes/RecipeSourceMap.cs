namespace Perrin.Simulation.Recipes;

/// <summary>Where each field of a recipe read from a file was written: its file and, by field path, its line and column.</summary>
public sealed class RecipeSourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public RecipeSourceMap(string? filePath) => FilePath = filePath;

    public string? FilePath { get; }

    internal void Add(string path, SourceLocation location) => _locations.TryAdd(path, location);

    /// <summary>The location of the field or, failing that, of the nearest enclosing field that has one.</summary>
    public SourceLocation? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = path;
        while (current.Length > 0)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : string.Empty;
        }

        return _locations.TryGetValue(string.Empty, out var root) ? root : null;
    }

    internal RecipeException Error(string path, string problem) => new(FilePath, Find(path), path, problem);
}
