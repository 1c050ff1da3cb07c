using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Evaluation;

/// <summary>Short ways to write localizations in tests.</summary>
internal static class Locs
{
    public static Localization At(int frame, double x, double y) => new(frame, x, y);

    public static Localization At(int frame, double x, double y, double z) => new(frame, x, y) { Z = z };

    public static Localization Photons(int frame, double x, double y, double photons) => new(frame, x, y) { Intensity = photons };
}
