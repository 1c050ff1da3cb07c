using Perrin.Analysis.Linking;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Linking;

public sealed class LinkingOptimalityTests
{
    [Fact]
    public void EachFramePairGetsTheCheapestLinkingFoundByExhaustiveSearch()
    {
        // trackpy's objective: summed squared displacement of the links, plus search range² for every particle of
        // the first frame left unlinked. Small crowded frame pairs are checked against every possible linking.
        const double range = 3;
        var random = new RandomStream(7, 0);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = 1 + random.NextInt(6);
            var m = 1 + random.NextInt(6);
            var before = new Localization[n];
            var after = new Localization[m];
            for (var i = 0; i < n; i++)
                before[i] = new Localization(0, random.Uniform(0, 6), random.Uniform(0, 6));
            for (var j = 0; j < m; j++)
                after[j] = new Localization(1, random.Uniform(0, 6), random.Uniform(0, 6));

            var linker = new TrackLinker(new LinkingOptions(range));
            var first = linker.LinkFrame(0, before);
            var second = linker.LinkFrame(1, after);
            var cost = 0.0;
            foreach (var a in first)
            {
                var next = second.Where(b => b.Particle == a.Particle).ToList();
                cost += next.Count == 0 ? range * range : Squared(a, next[0]);
            }

            var best = Cheapest(first, second, 0, new bool[m], range);
            Assert.True(Math.Abs(cost - best) <= 1e-9, $"trial {trial}: linking costs {cost}, the optimum is {best}");
        }
    }

    private static double Cheapest(Localization[] before, Localization[] after, int i, bool[] used, double range)
    {
        if (i == before.Length)
            return 0;
        var best = (range * range) + Cheapest(before, after, i + 1, used, range);
        for (var j = 0; j < after.Length; j++)
        {
            var d2 = Squared(before[i], after[j]);
            if (used[j] || d2 >= range * range)
                continue;
            used[j] = true;
            best = Math.Min(best, d2 + Cheapest(before, after, i + 1, used, range));
            used[j] = false;
        }

        return best;
    }

    private static double Squared(Localization a, Localization b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));
}
