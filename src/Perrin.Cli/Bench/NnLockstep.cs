namespace Perrin.Cli.Bench;

/// <summary>
/// `perrin bench nn --lockstep`: every timed step of ours is paired with one PyTorch step of the same network taken
/// right before or after it (the order alternates), so that a slow stretch of a shared machine, which lasts seconds,
/// falls on both members of a pair. Each pair becomes one round of <see cref="NnBenchRounds"/>, whose speed-up is
/// then the median of the per-pair ratios. Both sides warm up with three steps first, as torch_reference.py does.
/// </summary>
internal static class NnLockstep
{
    public static NnBenchRounds Run(TorchLockstep torch, int threads, int pairs, Action<long> report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var ours = Enumerable.Range(0, pairs).Select(_ => new List<NnBenchResult>()).ToArray();
        var theirs = Enumerable.Range(0, pairs).Select(_ => new Dictionary<string, NnBenchResult>(StringComparer.Ordinal)).ToArray();
        long done = 0;
        foreach (var bench in NnBenchCase.All)
        {
            using var session = NnBenchSession.Create(bench, threads);
            var train = Pairs(session.TrainStep, () => torch.Step(bench.Name, train: true), pairs, () => report(++done));
            var infer = Pairs(session.Infer, () => torch.Step(bench.Name, train: false), pairs, () => report(++done));
            var torchParameters = torch.Parameters.GetValueOrDefault(bench.Name);
            for (var i = 0; i < pairs; i++)
            {
                ours[i].Add(new NnBenchResult(bench.Name, session.Parameters, session.Batch, train[i].Ours, infer[i].Ours));
                theirs[i][bench.Name] = new NnBenchResult(bench.Name, torchParameters, session.Batch, train[i].Torch, infer[i].Torch);
            }
        }

        var peak = torch.Finish();
        var rounds = new NnBenchRounds();
        for (var i = 0; i < pairs; i++) rounds.Add(ours[i], new TorchReferenceResult(torch.Version, theirs[i], peak));
        return rounds;
    }

    /// <summary>Units of progress one call of <see cref="Run"/> reports.</summary>
    public static long Units(int pairs) => 2L * pairs * NnBenchCase.All.Count;

    private static (double Ours, double Torch)[] Pairs(Action ours, Func<double> torch, int pairs, Action done)
    {
        for (var i = 0; i < NnBenchmark.WarmUp; i++)
        {
            ours();
            torch();
        }

        var result = new (double, double)[pairs];
        for (var i = 0; i < pairs; i++)
        {
            if (i % 2 == 0)
            {
                var mine = NnBenchmark.Once(ours);
                result[i] = (mine, torch());
            }
            else
            {
                var peer = torch();
                result[i] = (NnBenchmark.Once(ours), peer);
            }
            done();
        }
        return result;
    }
}
