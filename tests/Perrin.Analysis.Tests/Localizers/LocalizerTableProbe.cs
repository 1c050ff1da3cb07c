using Perrin.Analysis.Localizers;
using Xunit.Abstractions;

namespace Perrin.Analysis.Tests.Localizers;

public sealed class LocalizerTableProbe(ITestOutputHelper output)
{
    [Fact]
    public void Table()
    {
        foreach (var n in new[] { 200.0, 500, 1000, 5000 })
        {
            var spots = new SimulatedSpots(25, 4, n, 10, 1.3, 11);
            var mle = new LocalizationErrors(new GaussianMle(), spots);
            var crlb = mle.CrlbPx(spots, 4, true);
            var r3 = new LocalizationErrors(new RadialSymmetry(), spots);
            var r4 = new LocalizationErrors(new RadialSymmetry(new RadialSymmetryParameters { RoiRadiusPx = 4 }), spots);
            var r5 = new LocalizationErrors(new RadialSymmetry(new RadialSymmetryParameters { RoiRadiusPx = 5 }), spots);
            var nb = mle.Matched.Average(m => m.Loc.Intensity) / n;
            var bb = mle.Matched.Average(m => m.Loc.Offset) / 10;
            output.WriteLine($"N={n} spots={mle.Spots} mle matched={mle.Matched.Count} locs={mle.Localizations} rmse={mle.RmsePx:F4} crlb={crlb:F4} ratio={mle.RmsePx / crlb:F3} N bias={nb:F4} b bias={bb:F4} | radial3 {r3.Matched.Count} {r3.RmsePx / crlb:F3} radial4 {r4.RmsePx / crlb:F3} radial5 {r5.RmsePx / crlb:F3} mort={Math.Sqrt(CramerRaoBound.MortensenVariance(n, 10, 1.3, 1)):F4}");
        }
    }
}
