using Spectre.Console;

namespace Perrin.Cli.Console;

/// <summary>
/// Runs long work with a progress bar (percentage, rate and ETA) on standard error when a person is watching,
/// and without one otherwise, so that logs of batch runs stay readable.
/// </summary>
internal static class ProgressScope
{
    /// <summary>Runs <paramref name="work"/>, which reports completed units through the callback it is given.</summary>
    public static T Run<T>(CliConsole console, string description, long totalUnits, Func<Action<long>, T> work)
    {
        if (!console.Interactive || totalUnits <= 1)
        {
            return work(_ => { });
        }

        T result = default!;
        console.AnsiError.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: totalUnits);
                result = work(done => task.Value = done);
                task.Value = totalUnits;
            });
        return result;
    }
}
