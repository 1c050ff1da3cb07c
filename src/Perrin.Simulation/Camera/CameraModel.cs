using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// A photon-calibrated camera. <see cref="Apply(ReadOnlySpan{float}, Span{float}, int, int, RandomStream)"/> turns
/// an image of expected photons per pixel into the ADU a camera records, in this order for every pixel:
/// <list type="number">
/// <item>photo-electrons expected: photons · <see cref="QuantumEfficiency"/> (· fixed-pattern row and column gains)
/// plus <see cref="DarkElectrons"/>; the count is one Poisson draw of that mean (shot noise, dark and clock-induced charge);</item>
/// <item>EMCCD multiplication when <see cref="EmGain"/> &gt; 1: n electrons become Gamma(shape n, scale G) (0 stays 0),
/// the high-gain limit of the multiplication register, with excess noise factor 2 (variance 2·G²·mean);</item>
/// <item>the charge reaching the output node is clipped at <see cref="FullWellElectrons"/>;</item>
/// <item>Gaussian read noise of σ <see cref="ReadNoiseElectrons"/>, or each pixel's σ from <see cref="PixelMaps"/>;</item>
/// <item>conversion: electrons / <see cref="ElectronsPerAdu"/> + <see cref="BaselineAdu"/> (or the per-pixel gain and
/// offset maps) + fixed-pattern offsets, rounded to the nearest integer and clamped to [0, 2^<see cref="BitDepth"/> − 1].</item>
/// </list>
/// </summary>
public sealed record CameraModel
{
    /// <summary>Expected photons above this are rejected: they would overflow the electron counts.</summary>
    public const double MaxPhotonsPerPixel = 1e12;

    /// <summary>Fraction of the photons that become photo-electrons, in (0, 1].</summary>
    public double QuantumEfficiency { get; init => field = CameraArguments.Fraction(value, nameof(QuantumEfficiency)); } = 1;

    /// <summary>Dark current and clock-induced charge, mean electrons per pixel per frame (before EM gain).</summary>
    public double DarkElectrons { get; init => field = CameraArguments.NotNegative(value, nameof(DarkElectrons)); }

    /// <summary>Electron-multiplication gain; 1 means no multiplication register (CCD, sCMOS).</summary>
    public double EmGain { get; init => field = CameraArguments.AtLeastOne(value, nameof(EmGain)); } = 1;

    /// <summary>Read-noise σ in e⁻ (ignored when <see cref="PixelMaps"/> is set).</summary>
    public double ReadNoiseElectrons { get; init => field = CameraArguments.NotNegative(value, nameof(ReadNoiseElectrons)); }

    /// <summary>Conversion gain in e⁻ per ADU (ignored when the pixel maps carry a gain map).</summary>
    public double ElectronsPerAdu { get; init => field = CameraArguments.Positive(value, nameof(ElectronsPerAdu)); } = 1;

    /// <summary>Offset added to every pixel, in ADU (ignored when <see cref="PixelMaps"/> is set).</summary>
    public double BaselineAdu { get; init => field = CameraArguments.NotNegative(value, nameof(BaselineAdu)); }

    /// <summary>ADC bits, 1 to 24: the output is float32, which holds every integer up to 2²⁴ exactly.</summary>
    public int BitDepth
    {
        get;
        init
        {
            if (value is < 1 or > 24)
            {
                throw new ArgumentException($"{nameof(BitDepth)} must be between 1 and 24, not {value}", nameof(BitDepth));
            }

            field = value;
        }
    } = 16;

    /// <summary>Largest charge the output node holds, in e⁻; +∞ for no limit.</summary>
    public double FullWellElectrons { get; init => field = CameraArguments.PositiveOrInfinite(value, nameof(FullWellElectrons)); } = double.PositiveInfinity;

    /// <summary>sCMOS per-pixel read noise, offset and optional gain; null for a uniform sensor.</summary>
    public ScmosPixelMaps? PixelMaps { get; init; }

    /// <summary>Row and column gains and offsets constant over a movie; null for none.</summary>
    public FixedPatternNoise? FixedPattern { get; init; }

    /// <summary>Saturation level in ADU.</summary>
    public double MaxAdu => (1 << BitDepth) - 1.0;

    /// <summary>
    /// Shot noise only: QE 1, no gain, no read noise, 1 e⁻ per ADU, no baseline, 24 bit, so the ADU are the
    /// Poisson photon counts themselves.
    /// </summary>
    public static CameraModel Ideal { get; } = new() { BitDepth = 24 };

    /// <summary>
    /// A cooled interline CCD of the usual order: QE 0.65, read noise 6 e⁻, 2 e⁻/ADU, baseline 100 ADU, 16 bit,
    /// full well 18 000 e⁻. Representative values, not one model's spec sheet.
    /// </summary>
    public static CameraModel Ccd { get; } = new()
    {
        QuantumEfficiency = 0.65,
        ReadNoiseElectrons = 6,
        ElectronsPerAdu = 2,
        BaselineAdu = 100,
        BitDepth = 16,
        FullWellElectrons = 18_000,
    };

    /// <summary>
    /// The EMCCD of the SMLM Challenge 2016 (Sage et al., Nat. Methods 16, 387 (2019)): QE 0.9, EM gain 300,
    /// read noise 74.4 e⁻, 45 e⁻/ADU, baseline 100 ADU, 16 bit.
    /// </summary>
    public static CameraModel SmlmChallenge2016Emccd { get; } = new()
    {
        QuantumEfficiency = 0.9,
        EmGain = 300,
        ReadNoiseElectrons = 74.4,
        ElectronsPerAdu = 45,
        BaselineAdu = 100,
        BitDepth = 16,
    };

    /// <summary>
    /// A typical 6.5 µm-pixel scientific CMOS in standard scan, of the order of the spec sheets of current models:
    /// QE 0.82, read noise 1.6 e⁻ rms, 0.46 e⁻/ADU, baseline 100 ADU, 16 bit, full well 30 000 e⁻. Dark current
    /// (≈ 0.06 e⁻/pixel/s when cooled) is negligible at video rate and left at 0. Add
    /// <see cref="ScmosPixelMaps.Generate"/> maps for per-pixel noise.
    /// </summary>
    public static CameraModel TypicalScmos { get; } = new()
    {
        QuantumEfficiency = 0.82,
        ReadNoiseElectrons = 1.6,
        ElectronsPerAdu = 0.46,
        BaselineAdu = 100,
        BitDepth = 16,
        FullWellElectrons = 30_000,
    };

    /// <summary>
    /// A high-full-well CMOS camera as used for iSCAT, where 10⁴–10⁶ photons per pixel make shot noise the limit:
    /// QE 0.6, no EM gain, full well 200 000 e⁻, read noise 60 e⁻, 50 e⁻/ADU, baseline 64 ADU, 12 bit.
    /// Representative orders of magnitude, not one model's spec sheet.
    /// </summary>
    public static CameraModel Iscat { get; } = new()
    {
        QuantumEfficiency = 0.6,
        ReadNoiseElectrons = 60,
        ElectronsPerAdu = 50,
        BaselineAdu = 64,
        BitDepth = 12,
        FullWellElectrons = 200_000,
    };

    /// <summary>Records one frame: <paramref name="photons"/> (expected photons per pixel) into <paramref name="adu"/>.</summary>
    /// <exception cref="ArgumentException">Sizes disagree, or a pixel holds a negative, NaN or huge photon count.</exception>
    public void Apply(ReadOnlySpan<float> photons, Span<float> adu, int width, int height, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CameraArguments.ImageSize(photons.Length, width, height, nameof(photons));
        CameraArguments.ImageSize(adu.Length, width, height, nameof(adu));
        if (photons.Overlaps(adu, out var shift) && shift != 0)
        {
            throw new ArgumentException("photons and adu overlap at different positions; pass the same span to work in place", nameof(adu));
        }

        if (PixelMaps is { } maps)
        {
            CameraArguments.SameSize(width, height, maps.Width, maps.Height, nameof(PixelMaps));
        }

        if (FixedPattern is { } pattern)
        {
            CameraArguments.SameSize(width, height, pattern.Width, pattern.Height, nameof(FixedPattern));
        }

        CameraPipeline.Run(this, photons, adu, width, height, rng);
    }

    /// <summary>Records one frame in place: expected photons in, ADU out.</summary>
    public void Apply(Span<float> image, int width, int height, RandomStream rng) => Apply(image, image, width, height, rng);
}
