namespace Perrin.Core.IO;

/// <summary>
/// A file that does not hold what its format promises: truncated, corrupt, lying or unsupported.
/// The message always names the file and, where it applies, the byte offset or line and what was expected,
/// so that a user can act on it without a stack trace.
/// </summary>
public sealed class PerrinFormatException : Exception
{
    public PerrinFormatException(string? path, long? offset, string problem)
        : base(Compose(path, offset, null, problem))
    {
        FilePath = path;
        Offset = offset;
        Problem = problem;
    }

    public PerrinFormatException(string? path, long? offset, string problem, Exception inner)
        : base(Compose(path, offset, null, problem), inner)
    {
        FilePath = path;
        Offset = offset;
        Problem = problem;
    }

    private PerrinFormatException(string? path, int line, string problem)
        : base(Compose(path, null, line, problem))
    {
        FilePath = path;
        Line = line;
        Problem = problem;
    }

    public PerrinFormatException()
        : this(null, null, "invalid file")
    {
    }

    public PerrinFormatException(string message)
        : this(null, null, message)
    {
    }

    public PerrinFormatException(string message, Exception inner)
        : this(null, null, message, inner)
    {
    }

    /// <summary>For text formats: the problem is at a 1-based line of the file.</summary>
    public static PerrinFormatException AtLine(string? path, int line, string problem) => new(path, line, problem);

    public string? FilePath { get; }

    /// <summary>Byte offset in the file where the problem was found, when known.</summary>
    public long? Offset { get; }

    /// <summary>1-based line number for text formats, when known.</summary>
    public int? Line { get; }

    /// <summary>What was wrong, without the location prefix.</summary>
    public string Problem { get; }

    private static string Compose(string? path, long? offset, int? line, string problem)
    {
        var where = path ?? "<stream>";
        if (line is { } l)
        {
            where += $", line {l}";
        }
        else if (offset is { } o)
        {
            where += $", byte {o}";
        }

        return $"{where}: {problem}";
    }
}
