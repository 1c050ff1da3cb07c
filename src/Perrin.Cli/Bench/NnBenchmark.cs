using System.Diagnostics;

namespace Perrin.Cli.Bench;

/// <summary>
/// Times the standard networks as torch_reference.py does: three warm-up steps, then the median of
/// <c>steps</c> training steps (zero-grad, forward, loss, backward, Adam) and of as many no-grad forward passes.
/// </summary>
internal static class NnBenchmark
{
    public const int WarmUp = 3;

    public static NnBenchResult Measure(NnBenchCase bench, int threads, int steps)
    {
        using var session = NnBenchSession.Create(bench, threads);
        var train = Time(session.TrainStep, steps);
        var infer = Time(session.Infer, steps);
        return new NnBenchResult(bench.Name, session.Parameters, session.Batch, train, infer);
    }

    /// <summary>Milliseconds of one call of <paramref name="step"/>.</summary>
    public static double Once(Action step)
    {
        var clock = Stopwatch.StartNew();
        step();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Time(Action step, int steps)
    {
        for (var i = 0; i < WarmUp; i++) step();
        var times = new double[steps];
        for (var i = 0; i < steps; i++) times[i] = Once(step);
        Array.Sort(times);
        return times[steps / 2];
    }
}
