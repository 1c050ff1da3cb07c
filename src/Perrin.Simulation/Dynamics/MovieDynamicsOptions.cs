namespace Perrin.Simulation.Dynamics;

/// <summary>
/// What a movie's particles do. The particles live in the field of view widened by <see cref="MarginPx"/> on every
/// side (and, when <see cref="ZMaxNm"/> &gt; <see cref="ZMinNm"/>, in that z slab); the margin should exceed a few
/// frames of displacement so that particles entering the region are not seen appearing in the field.
/// </summary>
public sealed record MovieDynamicsOptions
{
    /// <summary>Field width in pixels (columns).</summary>
    public required int FieldWidth { get; init; }

    /// <summary>Field height in pixels (rows).</summary>
    public required int FieldHeight { get; init; }

    public required double MarginPx { get; init; }

    /// <summary>Mean number of particles per µm² of the image plane.</summary>
    public required double DensityPerUm2 { get; init; }

    public required IMotionModel Motion { get; init; }

    /// <summary>The exposure at the start of each frame; null for the whole frame interval.</summary>
    public double? ExposureS { get; init; }

    public double ZMinNm { get; init; }

    public double ZMaxNm { get; init; }

    /// <summary>Blinking and bleaching; null for emitters that are always on.</summary>
    public PhotophysicsModel? Photophysics { get; init; }

    /// <summary>The state distribution of each new particle; null for the model's reversible stationary distribution.</summary>
    public IReadOnlyList<double>? InitialStateDistribution { get; init; }

    /// <summary>Photons per fully-on exposure; null leaves <c>Photons</c> of the truth as NaN for the caller.</summary>
    public PhotonBrightness? Brightness { get; init; }
}
