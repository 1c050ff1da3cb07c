using System.Globalization;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// The arguments of <c>trackpy.locate</c>, under trackpy's names and with trackpy's defaults. A null value means
/// what passing <c>None</c> means to trackpy. Only the isotropic (single-number) forms are offered.
/// </summary>
public sealed record CrockerGrierParameters(int Diameter)
{
    /// <summary>Bounds that keep masks, kernels and loops to a sane size; trackpy has none.</summary>
    public const int MaxDiameter = 1001;

    public const double MaxNoiseSize = 250;

    public const int MaxMaxIterations = 10_000;

    /// <summary>Features must have a mass strictly above this; null means 0 (mass &gt; 0 is always required).</summary>
    public double? MinMass { get; init; }

    /// <summary>Features must have a size (radius of gyration, pixels) strictly below this; null: no limit.</summary>
    public double? MaxSize { get; init; }

    /// <summary>Minimum distance between features in pixels; null means <see cref="Diameter"/> + 1.</summary>
    public double? Separation { get; init; }

    /// <summary>Sigma in pixels of the Gaussian that removes pixel noise; 0 turns that blur off.</summary>
    public double NoiseSize { get; init; } = 1;

    /// <summary>Odd side in pixels of the boxcar whose average is subtracted as background; null means <see cref="Diameter"/>.</summary>
    public int? SmoothingSize { get; init; }

    /// <summary>Bandpassed values below this become 0; null means 1 for integer images and 1/255 for float images.</summary>
    public double? Threshold { get; init; }

    /// <summary>Set for dark particles on a bright background.</summary>
    public bool Invert { get; init; }

    /// <summary>A peak must be brighter than this percentile of the non-zero processed pixels.</summary>
    public double Percentile { get; init; } = 64;

    /// <summary>Keep only the N features of largest mass; null keeps all.</summary>
    public int? TopN { get; init; }

    /// <summary>Bandpass the image before finding peaks; false works on the raw image.</summary>
    public bool Preprocess { get; init; } = true;

    /// <summary>At most this many centroid steps per feature.</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>Measure size, ecc, signal, raw_mass and ep; false gives positions and mass only.</summary>
    public bool Characterize { get; init; } = true;

    public int Radius => Diameter / 2;

    public double EffectiveSeparation => Separation ?? Diameter + 1;

    public int EffectiveSmoothingSize => SmoothingSize ?? Diameter;

    public double EffectiveMinMass => MinMass ?? 0;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first unusable parameter and what was expected.</summary>
    public void Validate()
    {
        if (Diameter < 3 || Diameter > MaxDiameter || Diameter % 2 == 0)
        {
            Fail(nameof(Diameter), $"must be an odd integer between 3 and {MaxDiameter} (round up), got {Diameter}");
        }

        if (MinMass is { } minMass && !double.IsFinite(minMass))
        {
            Fail(nameof(MinMass), $"must be a finite number, got {Show(minMass)}");
        }

        if (MaxSize is { } maxSize && (!double.IsFinite(maxSize) || maxSize <= 0))
        {
            Fail(nameof(MaxSize), $"must be a positive number of pixels, got {Show(maxSize)}");
        }

        if (MaxSize is not null && !Characterize)
        {
            Fail(nameof(MaxSize), "needs Characterize = true, because size is only measured then");
        }

        if (Separation is { } separation && (!double.IsFinite(separation) || separation <= 0 || separation > 2 * MaxDiameter))
        {
            Fail(nameof(Separation), $"must be a positive number of pixels up to {2 * MaxDiameter}, got {Show(separation)}");
        }

        if (!double.IsFinite(NoiseSize) || NoiseSize < 0 || NoiseSize > MaxNoiseSize)
        {
            Fail(nameof(NoiseSize), $"must be a Gaussian sigma between 0 and {MaxNoiseSize} pixels, got {Show(NoiseSize)}");
        }

        if (SmoothingSize is { } smoothing && (smoothing < 1 || smoothing % 2 == 0 || smoothing > 2 * MaxDiameter))
        {
            Fail(nameof(SmoothingSize), $"must be an odd integer between 1 and {2 * MaxDiameter} (round up), got {smoothing}");
        }

        if (Preprocess && NoiseSize >= EffectiveSmoothingSize)
        {
            Fail(nameof(SmoothingSize), $"must be larger than NoiseSize ({Show(NoiseSize)}), got {EffectiveSmoothingSize}");
        }

        if (Threshold is { } threshold && !double.IsFinite(threshold))
        {
            Fail(nameof(Threshold), $"must be a finite number, got {Show(threshold)}");
        }

        if (!(Percentile >= 0 && Percentile <= 100))
        {
            Fail(nameof(Percentile), $"must be between 0 and 100, got {Show(Percentile)}");
        }

        if (TopN is { } topN && topN < 1)
        {
            Fail(nameof(TopN), $"must be at least 1 (or null to keep every feature), got {topN}");
        }

        if (MaxIterations < 1 || MaxIterations > MaxMaxIterations)
        {
            Fail(nameof(MaxIterations), $"must be between 1 and {MaxMaxIterations}, got {MaxIterations}");
        }
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Fail(string parameter, string message) =>
        throw new ArgumentException($"Crocker–Grier parameter {parameter} {message}.", parameter);
}
