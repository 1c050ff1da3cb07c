using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Per-pixel calibration of an sCMOS sensor, where every pixel has its own amplifier: read-noise variance (e⁻²),
/// offset (ADU) and, optionally, conversion gain (e⁻/ADU). When a camera carries these maps they replace its
/// uniform read noise, baseline and gain. Maps are row-major, <see cref="Width"/> × <see cref="Height"/>.
/// </summary>
public sealed class ScmosPixelMaps
{
    private readonly float[] _readNoiseVariance;
    private readonly float[] _offsetAdu;
    private readonly float[]? _electronsPerAdu;

    /// <param name="width">Columns of the sensor region the maps describe.</param>
    /// <param name="height">Rows of that region.</param>
    /// <param name="readNoiseVariance">Read-noise variance of each pixel in e⁻² (finite, ≥ 0).</param>
    /// <param name="offsetAdu">Offset (dark level) of each pixel in ADU (finite).</param>
    /// <param name="electronsPerAdu">Conversion gain of each pixel in e⁻/ADU (finite, &gt; 0), or null to use the camera's.</param>
    public ScmosPixelMaps(int width, int height, ReadOnlySpan<float> readNoiseVariance, ReadOnlySpan<float> offsetAdu, ReadOnlySpan<float> electronsPerAdu = default)
    {
        CameraArguments.ImageSize(readNoiseVariance.Length, width, height, nameof(readNoiseVariance));
        CameraArguments.ImageSize(offsetAdu.Length, width, height, nameof(offsetAdu));
        Width = width;
        Height = height;
        _readNoiseVariance = Validated(readNoiseVariance, nameof(readNoiseVariance), v => v >= 0, "finite and at least 0");
        _offsetAdu = Validated(offsetAdu, nameof(offsetAdu), _ => true, "finite");
        ReadNoiseSigma = Array.ConvertAll(_readNoiseVariance, v => MathF.Sqrt(v));
        if (!electronsPerAdu.IsEmpty)
        {
            CameraArguments.ImageSize(electronsPerAdu.Length, width, height, nameof(electronsPerAdu));
            _electronsPerAdu = Validated(electronsPerAdu, nameof(electronsPerAdu), g => g > 0, "finite and greater than 0");
        }
    }

    public int Width { get; }

    public int Height { get; }

    public ReadOnlySpan<float> ReadNoiseVariance => _readNoiseVariance;

    public ReadOnlySpan<float> OffsetAdu => _offsetAdu;

    /// <summary>Per-pixel gain in e⁻/ADU; empty when the camera's uniform gain applies.</summary>
    public ReadOnlySpan<float> ElectronsPerAdu => _electronsPerAdu;

    public bool HasGainMap => _electronsPerAdu is not null;

    /// <summary>Square roots of the variances, kept so the per-frame loop does no square roots.</summary>
    internal float[] ReadNoiseSigma { get; }

    internal float[]? GainMap => _electronsPerAdu;

    internal float[] OffsetMap => _offsetAdu;

    /// <summary>
    /// Draws maps with the shape of measured sCMOS calibrations: the read-noise σ of a pixel is log-normal
    /// (σ = median·exp(spread·Z)), which gives the long right tail of noisy pixels seen in published variance maps
    /// (for example Huang et al., Nat. Methods 10, 653 (2013)); offsets are normal around their mean; gains, when a
    /// relative spread is given, are normal around the mean gain (clamped to stay positive). With the defaults
    /// the rms read noise is median·exp(spread²) ≈ 1.6 e⁻, the order of a current 6.5 µm-pixel sCMOS.
    /// </summary>
    /// <param name="width">Columns of the sensor region.</param>
    /// <param name="height">Rows of the sensor region.</param>
    /// <param name="rng">Stream the maps are drawn from; draw them once per simulated camera.</param>
    /// <param name="medianReadNoiseElectrons">Median read-noise σ over the pixels, e⁻.</param>
    /// <param name="readNoiseLogSpread">Standard deviation of ln σ.</param>
    /// <param name="offsetMeanAdu">Mean pixel offset, ADU.</param>
    /// <param name="offsetSigmaAdu">Spread of the pixel offsets, ADU.</param>
    /// <param name="electronsPerAdu">Mean of the gain map, e⁻/ADU; used only when <paramref name="gainRelativeSigma"/> &gt; 0.</param>
    /// <param name="gainRelativeSigma">Relative spread of the pixel gains; 0 draws no gain map, leaving the camera's gain.</param>
    public static ScmosPixelMaps Generate(
        int width,
        int height,
        RandomStream rng,
        double medianReadNoiseElectrons = 1.4,
        double readNoiseLogSpread = 0.35,
        double offsetMeanAdu = 100,
        double offsetSigmaAdu = 1.5,
        double electronsPerAdu = 0.46,
        double gainRelativeSigma = 0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CameraArguments.Dimensions(width, height, nameof(width));
        CameraArguments.NotNegative(medianReadNoiseElectrons, nameof(medianReadNoiseElectrons));
        CameraArguments.NotNegative(readNoiseLogSpread, nameof(readNoiseLogSpread));
        CameraArguments.Finite(offsetMeanAdu, nameof(offsetMeanAdu));
        CameraArguments.NotNegative(offsetSigmaAdu, nameof(offsetSigmaAdu));
        CameraArguments.Positive(electronsPerAdu, nameof(electronsPerAdu));
        CameraArguments.NotNegative(gainRelativeSigma, nameof(gainRelativeSigma));

        var count = width * height;
        var variance = new float[count];
        var offset = new float[count];
        var gain = gainRelativeSigma > 0 ? new float[count] : [];
        var noiseRng = rng.Substream(1);
        var offsetRng = rng.Substream(2);
        var gainRng = rng.Substream(3);
        for (var i = 0; i < count; i++)
        {
            var sigma = medianReadNoiseElectrons * Math.Exp(readNoiseLogSpread * noiseRng.Normal());
            variance[i] = (float)(sigma * sigma);
            offset[i] = (float)offsetRng.Normal(offsetMeanAdu, offsetSigmaAdu);
            if (gain.Length > 0)
            {
                gain[i] = (float)Math.Max(electronsPerAdu * 1e-3, electronsPerAdu * (1 + (gainRelativeSigma * gainRng.Normal())));
            }
        }

        return new ScmosPixelMaps(width, height, variance, offset, gain);
    }

    private static float[] Validated(ReadOnlySpan<float> values, string field, Func<float, bool> rule, string expectation)
    {
        var copy = values.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!float.IsFinite(copy[i]) || !rule(copy[i]))
            {
                throw new ArgumentException($"{field}[{i}] must be {expectation}, not {copy[i]}", field);
            }
        }

        return copy;
    }
}
