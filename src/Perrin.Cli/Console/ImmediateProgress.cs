namespace Perrin.Cli.Console;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread at once; System.Progress posts to the thread
/// pool in a console program, so reports could arrive late and out of order.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
