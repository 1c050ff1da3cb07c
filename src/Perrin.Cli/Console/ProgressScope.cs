using Spectre.Console;

namespace Perrin.Cli.Console;

/// <summary>
/// Runs long work with a progress bar (percentage, rate and ETA) on standard error when a person is watching,
/// and without one otherwise, so that logs of batch runs stay readable.
/// </summary>
internal static class ProgressScope
{
    /// <summary>Runs <paramref name="work"/>, which reports completed units through the callback it is given.</summary>
    public static T Run<T>(CliConsole console, string description, long totalUnits, Func<Action<long>, T> work) =>
        RunWithStatus(console, description, totalUnits, (report, _) => work(report));

    /// <summary>
    /// As <see cref="Run{T}"/>, with a second callback that replaces the bar's description (e.g. the current loss);
    /// without a terminal the description is printed at most every few seconds instead.
    /// </summary>
    public static T RunWithStatus<T>(CliConsole console, string description, long totalUnits, Func<Action<long>, Action<string>, T> work)
    {
        if (!console.Interactive || totalUnits <= 1)
        {
            var last = DateTime.UtcNow;
            return work(_ => { }, status =>
            {
                if (DateTime.UtcNow - last < TimeSpan.FromSeconds(5))
                {
                    return;
                }

                last = DateTime.UtcNow;
                console.Error.WriteLine($"{description}: {status}");
            });
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
                result = work(done => task.Value = done, status => task.Description = Markup.Escape($"{description} {status}"));
                task.Value = totalUnits;
            });
        return result;
    }
}
