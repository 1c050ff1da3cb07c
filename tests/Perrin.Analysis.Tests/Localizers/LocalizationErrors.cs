using Perrin.Analysis.Localizers;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>Runs a localizer over simulated spots and matches each true spot with the nearest localization within 2 px.</summary>
internal sealed class LocalizationErrors
{
    public const double PixelNm = 100.0;

    public LocalizationErrors(IFrameLocalizer localizer, SimulatedSpots spots)
    {
        for (var f = 0; f < spots.Frames.Count; f++)
        {
            var found = localizer.Locate(spots.Frames[f], f, PixelNm);
            Localizations += found.Count;
            foreach (var (x, y) in spots.Truth[f])
            {
                Localization? best = null;
                var bestD2 = 4.0;
                foreach (var l in found)
                {
                    var dx = PixelCoordinates.ToPixels(l.X, PixelNm) - x;
                    var dy = PixelCoordinates.ToPixels(l.Y, PixelNm) - y;
                    if ((dx * dx) + (dy * dy) < bestD2)
                    {
                        bestD2 = (dx * dx) + (dy * dy);
                        best = l;
                    }
                }

                Spots++;
                if (best is { } b)
                {
                    Matched.Add((b, PixelCoordinates.ToPixels(b.X, PixelNm) - x, PixelCoordinates.ToPixels(b.Y, PixelNm) - y, x, y));
                }
            }
        }
    }

    public int Spots { get; }

    public int Localizations { get; }

    public List<(Localization Loc, double Dx, double Dy, double TrueX, double TrueY)> Matched { get; } = [];

    /// <summary>Root mean square error per axis, x and y pooled, in pixels.</summary>
    public double RmsePx => Math.Sqrt(Matched.Sum(m => (m.Dx * m.Dx) + (m.Dy * m.Dy)) / (2.0 * Matched.Count));

    /// <summary>The Fisher bound per axis averaged (as variance) over the matched spots' true positions in their ROIs.</summary>
    public double CrlbPx(SimulatedSpots spots, int roiRadius, bool fitSigma)
    {
        double sum = 0;
        foreach (var m in Matched)
        {
            var x = roiRadius + m.TrueX - Math.Round(m.TrueX);
            var y = roiRadius + m.TrueY - Math.Round(m.TrueY);
            var bound = CramerRaoBound.Fisher(spots.Photons, spots.Background, spots.Sigma, (2 * roiRadius) + 1, x, y, fitSigma);
            sum += 0.5 * (bound.VarianceX + bound.VarianceY);
        }

        return Math.Sqrt(sum / Matched.Count);
    }
}
