namespace Perrin.Cli.Bench;

/// <summary>
/// Paired rounds of `perrin bench nn`. Each round times our networks and then the PyTorch reference, so a slow
/// stretch on a shared machine slows both sides of the same round; a speed-up is the median of the rounds' own
/// ratios, and a time the median of the rounds' medians.
/// </summary>
internal sealed class NnBenchRounds
{
    private readonly List<IReadOnlyList<NnBenchResult>> _ours = [];
    private readonly List<TorchReferenceResult> _torch = [];

    public int Count => _ours.Count;

    /// <summary>Adds one round. Every round must carry the reference's figures, or none may.</summary>
    public void Add(IReadOnlyList<NnBenchResult> ours, TorchReferenceResult? torch)
    {
        ArgumentNullException.ThrowIfNull(ours);
        var hadTorch = _torch.Count > 0;
        if (_ours.Count > 0 && hadTorch != (torch is not null))
            throw new InvalidOperationException("NnBenchRounds: every round must have the PyTorch figures, or none");
        _ours.Add(ours);
        if (torch is not null) _torch.Add(torch);
    }

    /// <summary>Our cases in their order, each time the median over the rounds.</summary>
    public IReadOnlyList<NnBenchResult> Ours => _ours.Count == 0
        ? []
        : _ours[0].Select(first => Summary(first, _ours.Select(r => Find(r, first.Case)!).ToList())).ToList();

    /// <summary>The reference's cases, each time the median over the rounds, with the highest peak memory of any round.</summary>
    public TorchReferenceResult? Torch
    {
        get
        {
            if (_torch.Count == 0) return null;
            var cases = new Dictionary<string, NnBenchResult>(StringComparer.Ordinal);
            foreach (var name in _torch[0].Cases.Keys)
            {
                var rounds = _torch.Select(t => t.Cases.GetValueOrDefault(name)).OfType<NnBenchResult>().ToList();
                cases[name] = Summary(rounds[0], rounds);
            }
            var peaks = _torch.Select(t => t.PeakResidentMb).OfType<double>().ToList();
            return new TorchReferenceResult(_torch[0].Version, cases, peaks.Count == 0 ? null : peaks.Max());
        }
    }

    /// <summary>Reference time over ours, per round, for the training step (or inference); null without the reference.</summary>
    public IReadOnlyList<double>? Ratios(string name, bool train)
    {
        if (_torch.Count == 0) return null;
        var ratios = new List<double>();
        for (var i = 0; i < _ours.Count; i++)
        {
            var mine = Find(_ours[i], name);
            var theirs = _torch[i].Cases.GetValueOrDefault(name);
            if (mine is null || theirs is null) return null;
            var (a, b) = train ? (theirs.TrainStepMs, mine.TrainStepMs) : (theirs.InferBatchMs, mine.InferBatchMs);
            if (!(b > 0) || !double.IsFinite(a)) return null;
            ratios.Add(a / b);
        }
        return ratios;
    }

    /// <summary>The median of <see cref="Ratios"/>.</summary>
    public double? Speedup(string name, bool train) => Ratios(name, train) is { Count: > 0 } r ? Median(r) : null;

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("Median: no values", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    private static NnBenchResult? Find(IReadOnlyList<NnBenchResult> round, string name) =>
        round.FirstOrDefault(r => r.Case == name);

    private static NnBenchResult Summary(NnBenchResult first, IReadOnlyList<NnBenchResult> rounds) =>
        first with
        {
            TrainStepMs = Median(rounds.Select(r => r.TrainStepMs).ToList()),
            InferBatchMs = Median(rounds.Select(r => r.InferBatchMs).ToList()),
        };
}
