using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Counts, frame by frame, the truths of each |intensity| bin, those paired with a detection and their squared
/// lateral errors, for <see cref="LocalizationEvaluation.ByTruthIntensity"/>. Truths whose intensity is NaN or
/// outside the edges are left out of every bin.
/// </summary>
internal sealed class TruthIntensityTally(IReadOnlyList<double> edges)
{
    private readonly int[] _truths = new int[edges.Count - 1];
    private readonly int[] _matched = new int[edges.Count - 1];
    private readonly double[] _squared = new double[edges.Count - 1];

    /// <summary>Adds one frame: its truths and the pairs the matcher made among them.</summary>
    public void Add(ReadOnlySpan<Localization> truths, IReadOnlyList<MatchedPair> pairs)
    {
        foreach (var truth in truths)
        {
            if (EvaluationBinning.BinOf(Math.Abs(truth.Intensity), edges) is { } k)
                _truths[k]++;
        }

        foreach (var pair in pairs)
        {
            if (EvaluationBinning.BinOf(Math.Abs(truths[pair.TruthIndex].Intensity), edges) is not { } k)
                continue;
            _matched[k]++;
            _squared[k] += (pair.Dx * pair.Dx) + (pair.Dy * pair.Dy);
        }
    }

    public IReadOnlyList<IntensityBin> Bins()
    {
        var bins = new IntensityBin[_truths.Length];
        for (var k = 0; k < bins.Length; k++)
        {
            bins[k] = new IntensityBin(edges[k], edges[k + 1], _truths[k], _matched[k],
                _truths[k] == 0 ? double.NaN : (double)_matched[k] / _truths[k],
                _matched[k] == 0 ? double.NaN : Math.Sqrt(_squared[k] / _matched[k]));
        }

        return bins;
    }
}
