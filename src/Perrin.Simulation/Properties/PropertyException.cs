namespace Perrin.Simulation.Properties;

/// <summary>
/// A property that cannot be resolved: an unknown reference, a cycle, a bad expression, a value outside its range.
/// <see cref="Path"/> names the property (for instance <c>sample[0].photons</c>); the recipe layer adds the file
/// and line it came from.
/// </summary>
public sealed class PropertyException : Exception
{
    public PropertyException(string path, string problem)
        : base(problem)
    {
        Path = path;
        Problem = problem;
    }

    public PropertyException()
        : this(string.Empty, "invalid property")
    {
    }

    public PropertyException(string message)
        : this(string.Empty, message)
    {
    }

    public PropertyException(string message, Exception inner)
        : base(message, inner)
    {
        Path = string.Empty;
        Problem = message;
    }

    public string Path { get; }

    /// <summary>What was wrong; it names the property itself.</summary>
    public string Problem { get; }
}
