using Perrin.Analysis.Localizers;
using Perrin.Analysis.Localizers.Refinement;
using Perrin.Analysis.Tests.Localizers;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Localizers.Refinement;

public sealed class MleRefinerTests
{
    private const double Px = LocalizationErrors.PixelNm;

    [Theory]
    [InlineData(10.0, 10.0, 0.4, -0.3)]
    [InlineData(10.3, 9.62, -0.6, 0.5)]
    [InlineData(1.2, 18.7, 0.3, 0.3)]
    public void NoiselessSpotIsRecoveredFromAnOffStart(double x, double y, double dx, double dy)
    {
        var frame = NoiselessSpot.Render(21, x, y, 2000, 7, 1.4);
        var detection = At(4, x + dx, y + dy) with { Intensity = 1200, Z = 35 };
        var refined = Assert.Single(new MleRefiner(new MleRefinementParameters { SigmaPx = 1.2 }).Refine(frame, 21, 21, [detection], Px));
        Assert.Equal(RefinementOutcome.Refined, refined.Outcome);
        var l = refined.Localization;
        Assert.Equal(4, l.Frame);
        Assert.Equal((x + 0.5) * Px, l.X, 1e-3);
        Assert.Equal((y + 0.5) * Px, l.Y, 1e-3);
        Assert.Equal(2000, l.Intensity, 1e-2);
        Assert.Equal(7, l.Offset, 1e-4);
        Assert.Equal(1.4 * Px, l.Sigma, 1e-3);
        Assert.Equal(35, l.Z);
        Assert.True(l.Uncertainty > 0);
    }

    private static Localization At(int frame, double xPx, double yPx) => new(frame, (xPx + 0.5) * Px, (yPx + 0.5) * Px);
}
