using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Linking;

/// <summary>Free Brownian particles as ground truth: <see cref="Localization.Id"/> is the true particle.</summary>
internal static class BrownianMovie
{
    /// <param name="stepRms">sqrt(4DΔt): the root-mean-square 2D step per frame, in nm.</param>
    public static List<Localization> Simulate(ulong seed, int particles, double fieldNm, int frames, double stepRms)
    {
        var random = new RandomStream(seed, 0);
        var x = new double[particles];
        var y = new double[particles];
        for (var p = 0; p < particles; p++)
        {
            x[p] = random.Uniform(0, fieldNm);
            y[p] = random.Uniform(0, fieldNm);
        }

        // Each axis gets half of the 2D mean squared step.
        var sigma = stepRms / Math.Sqrt(2);
        var rows = new List<Localization>(particles * frames);
        for (var t = 0; t < frames; t++)
        {
            for (var p = 0; p < particles; p++)
            {
                if (t > 0)
                {
                    x[p] += random.Normal(0, sigma);
                    y[p] += random.Normal(0, sigma);
                }

                rows.Add(new Localization(t, x[p], y[p]) { Id = p });
            }
        }

        return rows;
    }

    /// <summary>True links (the same particle in consecutive frames) whose two ends were given the same track.</summary>
    public static (int Recovered, int Total) RecoveredLinks(IReadOnlyList<Localization> linked)
    {
        var byTruth = new Dictionary<(long Id, int Frame), long>();
        foreach (var row in linked)
            byTruth[(row.Id!.Value, row.Frame)] = row.Particle!.Value;
        int recovered = 0, total = 0;
        foreach (var ((id, frame), particle) in byTruth)
        {
            if (!byTruth.TryGetValue((id, frame + 1), out var next))
                continue;
            total++;
            if (next == particle)
                recovered++;
        }

        return (recovered, total);
    }
}
