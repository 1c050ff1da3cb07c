using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

/// <summary>Field-by-field comparison of localizations where doubles must agree in every bit (any NaN equals any NaN).</summary>
internal static class LocalizationAssert
{
    private static readonly (string Name, Func<Localization, double> Get)[] Reals =
    [
        ("X", l => l.X), ("Y", l => l.Y), ("Z", l => l.Z), ("Sigma", l => l.Sigma), ("Intensity", l => l.Intensity),
        ("Offset", l => l.Offset), ("BkgStd", l => l.BkgStd), ("Uncertainty", l => l.Uncertainty),
        ("UncertaintyZ", l => l.UncertaintyZ), ("Chi2", l => l.Chi2), ("Mass", l => l.Mass), ("Size", l => l.Size),
        ("Ecc", l => l.Ecc), ("Signal", l => l.Signal), ("RawMass", l => l.RawMass), ("Ep", l => l.Ep),
    ];

    public static string? Difference(Localization expected, Localization actual)
    {
        if (expected.Frame != actual.Frame)
        {
            return $"Frame {expected.Frame} != {actual.Frame}";
        }

        if (expected.Id != actual.Id || expected.Particle != actual.Particle || expected.Detections != actual.Detections)
        {
            return $"Id/Particle/Detections ({expected.Id}, {expected.Particle}, {expected.Detections}) != ({actual.Id}, {actual.Particle}, {actual.Detections})";
        }

        foreach (var (name, get) in Reals)
        {
            if (!SameBits(get(expected), get(actual)))
            {
                return $"{name} {get(expected):R} != {get(actual):R}";
            }
        }

        return null;
    }

    public static bool SameBits(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    public static void Equal(IReadOnlyList<Localization> expected, IReadOnlyList<Localization> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var difference = Difference(expected[i], actual[i]);
            Assert.True(difference is null, $"row {i}: {difference}");
        }
    }

    public static string? FirstDifference(IReadOnlyList<Localization> expected, IReadOnlyList<Localization> actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"{expected.Count} rows != {actual.Count} rows";
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (Difference(expected[i], actual[i]) is { } difference)
            {
                return $"row {i}: {difference}";
            }
        }

        return null;
    }
}
