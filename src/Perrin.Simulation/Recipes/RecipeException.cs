namespace Perrin.Simulation.Recipes;

/// <summary>
/// A recipe that cannot be used. The message names the file, the line and column, and the field (for instance
/// <c>smlm.yaml, line 4, column 24: optics.na = 1.6 exceeds optics.medium_index = 1.518; …</c>), so the user can
/// fix it without a stack trace.
/// </summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string? filePath, SourceLocation? location, string fieldPath, string problem)
        : base(Compose(filePath, location, problem))
    {
        FilePath = filePath;
        Location = location;
        FieldPath = fieldPath;
        Problem = problem;
    }

    public RecipeException()
        : this(null, null, string.Empty, "invalid recipe")
    {
    }

    public RecipeException(string message)
        : this(null, null, string.Empty, message)
    {
    }

    public RecipeException(string message, Exception inner)
        : base(message, inner)
    {
        FieldPath = string.Empty;
        Problem = message;
    }

    public string? FilePath { get; }

    public SourceLocation? Location { get; }

    /// <summary>1-based line in the file, when the recipe came from one.</summary>
    public int? Line => Location?.Line;

    public int? Column => Location?.Column;

    /// <summary>The field, as a path such as <c>optics.na</c> or <c>sample[0].count</c>; empty for the document as a whole.</summary>
    public string FieldPath { get; }

    /// <summary>What was wrong, without the location prefix.</summary>
    public string Problem { get; }

    private static string Compose(string? path, SourceLocation? location, string problem)
    {
        var where = path ?? "<recipe>";
        if (location is { } l)
        {
            where += $", line {l.Line}, column {l.Column}";
        }

        return $"{where}: {problem}";
    }
}
