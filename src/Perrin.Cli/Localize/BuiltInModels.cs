using System.Reflection;

namespace Perrin.Cli.Localize;

/// <summary>
/// The pretrained models inside the perrin binary (models/NAME/model.safetensors and its training metrics), so that
/// `perrin localize iscat-dense MOVIE` and `perrin demo` work with no files around. A file of the same name wins.
/// </summary>
internal static class BuiltInModels
{
    public static IReadOnlyList<string> Names { get; } = ["iscat-dense"];

    public static bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Copies the built-in model <paramref name="name"/> to a new temporary file, which the caller deletes.</summary>
    public static string Extract(string name)
    {
        using var resource = Open(name, "model.safetensors")
            ?? throw new InvalidOperationException($"the built-in model {name} is missing from this build of perrin");
        var path = Path.Combine(Path.GetTempPath(), $"perrin-{name}-{Guid.NewGuid():N}.safetensors");
        using (var file = File.Create(path))
        {
            resource.CopyTo(file);
        }

        return path;
    }

    /// <summary>The per-epoch metrics table the built-in model was trained with, or null when the build has none.</summary>
    public static string? Metrics(string name)
    {
        using var resource = Open(name, "metrics.csv");
        if (resource is null)
        {
            return null;
        }

        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }

    private static Stream? Open(string name, string file) =>
        Contains(name) ? Assembly.GetExecutingAssembly().GetManifestResourceStream($"models/{name}/{file}") : null;
}
