using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

/// <summary>Random localization tables for property tests, holding only what each format carries.</summary>
internal static class TableGenerators
{
    /// <summary>Doubles whose text form is awkward: short decimals that are not binary, extremes, subnormals, -0.</summary>
    private static readonly double[] Awkward =
    [
        0.1, 0.2, 0.3, 1e-300, 123456.789012345, -0.0, 0.0, 5e-324, double.Epsilon * 3, double.MaxValue,
        -double.MaxValue, 1.0 / 3.0, Math.PI, 2.2250738585072014E-308, 9007199254740993.0, 1e21, 1e-7, 12.25, -1275.5,
    ];

    public static Gen<double> AnyFinite { get; } = Gen.OneOf(
        Gen.Elements(Awkward),
        Bits().Where(double.IsFinite),
        Gen.Choose(-100000, 100000).Select(i => i / 7.0));

    public static Gen<double> AnyOptional { get; } = Gen.Frequency(
        (6, AnyFinite),
        (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)));

    public static Gen<long?> AnyWhole { get; } = Gen.Frequency(
        (1, Gen.Constant<long?>(null)),
        (3, Gen.Choose(-1000, 100000).Select(i => (long?)i)),
        (1, Gen.Elements<long?>(long.MinValue, long.MaxValue, 1L << 53, (1L << 53) + 1)));

    public static Gen<int> AnyFrame { get; } = Gen.OneOf(Gen.Choose(0, 1000), Gen.Elements(0, int.MaxValue - 1, int.MaxValue));

    public static Gen<LocalizationTable> ThunderStorm { get; } =
        from extras in Gen.SubListOf(new[] { LocalizationColumns.Z, LocalizationColumns.UncertaintyZ, LocalizationColumns.Chi2, LocalizationColumns.Detections, LocalizationColumns.Particle })
        let columns = extras.Aggregate(LocalizationColumns.ThunderStorm, (all, c) => all | c)
        from rows in Gen.ListOf(ThunderStormRow(columns)).Resize(12)
        select new LocalizationTable(rows, columns);

    public static Gen<LocalizationTable> SmlmChallenge { get; } =
        from rows in Gen.ListOf(
            from frame in AnyFrame
            from x in AnyFinite
            from y in AnyFinite
            from z in AnyOptional
            from id in AnyWhole
            from intensity in AnyOptional
            select new Localization(frame, x, y) { Z = z, Id = id, Intensity = intensity }).Resize(12)
        select new LocalizationTable(rows, LocalizationColumns.Required | LocalizationColumns.Id | LocalizationColumns.Z | LocalizationColumns.Intensity);

    /// <summary>trackpy tables whose positions lie on a 1/256-pixel grid, where pixel↔nm conversion is exact.</summary>
    public static Gen<LocalizationTable> TrackpyOnGrid { get; } =
        from pixelSize in Gen.Elements(100.0, 65.0, 107.5, 160.0, 6.5, 1.0)
        from hasZ in Gen.Elements(true, false)
        from hasParticle in Gen.Elements(true, false)
        let columns = LocalizationColumns.Trackpy
            | (hasZ ? LocalizationColumns.Z : LocalizationColumns.None)
            | (hasParticle ? LocalizationColumns.Particle : LocalizationColumns.None)
        from rows in Gen.ListOf(TrackpyRow(pixelSize, hasZ, hasParticle)).Resize(12)
        select new LocalizationTable(rows, columns, pixelSize);

    private static Gen<Localization> ThunderStormRow(LocalizationColumns columns) =>
        from frame in AnyFrame
        from x in AnyFinite
        from y in AnyFinite
        from id in AnyWhole
        from values in Gen.ArrayOf(AnyOptional, 8)
        from detections in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 1 << 30).Select(i => (int?)(i * 2 + 1))))
        from particle in AnyWhole
        select new Localization(frame, x, y)
        {
            Id = id,
            Sigma = values[0],
            Intensity = values[1],
            Offset = values[2],
            BkgStd = values[3],
            Uncertainty = values[4],
            Z = (columns & LocalizationColumns.Z) != 0 ? values[5] : double.NaN,
            UncertaintyZ = (columns & LocalizationColumns.UncertaintyZ) != 0 ? values[6] : double.NaN,
            Chi2 = (columns & LocalizationColumns.Chi2) != 0 ? values[7] : double.NaN,
            Detections = (columns & LocalizationColumns.Detections) != 0 ? detections : null,
            Particle = (columns & LocalizationColumns.Particle) != 0 ? particle : null,
        };

    private static Gen<Localization> TrackpyRow(double pixelSize, bool hasZ, bool hasParticle) =>
        from frame in AnyFrame
        from gx in Gen.Choose(-1 << 20, 1 << 30)
        from gy in Gen.Choose(-1 << 20, 1 << 30)
        from gz in Gen.Choose(-1 << 20, 1 << 20)
        from values in Gen.ArrayOf(AnyOptional, 6)
        from particle in AnyWhole
        select new Localization(frame, OnGrid(gx, pixelSize), OnGrid(gy, pixelSize))
        {
            Z = hasZ ? OnGrid(gz, pixelSize) : double.NaN,
            Mass = values[0],
            Size = values[1],
            Ecc = values[2],
            Signal = values[3],
            RawMass = values[4],
            Ep = values[5],
            Particle = hasParticle ? particle : null,
        };

    private static double OnGrid(int steps, double pixelSize) => PixelCoordinates.ToNanometres(steps / 256.0, pixelSize);

    private static Gen<double> Bits() =>
        from parts in Gen.ArrayOf(Gen.Choose(0, 0xFFFF), 4)
        select BitConverter.Int64BitsToDouble(((long)parts[0] << 48) | ((long)parts[1] << 32) | ((long)parts[2] << 16) | (long)parts[3]);
}
