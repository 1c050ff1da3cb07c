using Perrin.Analysis.Localizers.Trackpy;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// The Crocker–Grier localizer with trackpy.locate's semantics: bandpass, grey-dilation peaks above a percentile,
/// iterative centroids in a circular mask, removal of features closer than the separation, the minmass, maxsize
/// and topn filters, and trackpy's static error ep. What trackpy derives from the image's dtype (default threshold,
/// inversion, the integer range peaks are found in) follows the sample type the frames were stored as.
/// Where trackpy would report a negative ep (a feature fainter than the background around it), ep is NaN.
/// An instance keeps scratch buffers between frames, so use one instance per thread.
/// </summary>
public sealed class CrockerGrier : IFrameLocalizer
{
    private readonly CrockerGrierParameters _parameters;
    private readonly SampleGamut _gamut;
    private readonly Bandpass _bandpass;
    private readonly FeatureMask _mask;
    private readonly CentroidRefiner _refiner;
    private readonly BackgroundNoise _noise;
    private readonly PercentileThreshold _percentile = new();
    private readonly LocalMaxima _maxima = new();
    private readonly CloseFeatureFilter _closeFilter = new();
    private readonly List<(int Y, int X)> _peaks = [];
    private float[] _inverted = [];
    private double[] _processed = [];

    public CrockerGrier(CrockerGrierParameters parameters, PixelType sampleType = PixelType.Float32)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (!Enum.IsDefined(sampleType))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleType), sampleType, "not a known pixel type");
        }

        _parameters = parameters;
        _gamut = new SampleGamut(sampleType);
        _bandpass = new Bandpass(
            parameters.NoiseSize, parameters.EffectiveSmoothingSize, parameters.Threshold ?? _gamut.DefaultThreshold, _gamut);
        _mask = new FeatureMask(parameters.Radius);
        _refiner = new CentroidRefiner(_mask);
        _noise = new BackgroundNoise(_mask);
    }

    public string Name => "crocker-grier";

    public CrockerGrierParameters Parameters => _parameters;

    public PixelType SampleType => _gamut.Type;

    /// <summary>
    /// Features in trackpy's convention and order (peaks in row-major order; with TopN, ascending mass).
    /// An empty, black or constant frame gives no features; a frame with a NaN or infinite pixel is refused.
    /// </summary>
    public IReadOnlyList<CrockerGrierFeature> LocatePixels(ImageFrame frame)
    {
        var height = frame.Height;
        var width = frame.Width;
        var count = height * width;
        var features = new List<CrockerGrierFeature>();
        if (count == 0)
        {
            return features;
        }

        var raw = RawImage(frame.Pixels);
        var image = Processed(raw, height, width, out var scale);
        var threshold = _percentile.Compute(image, _parameters.Percentile);
        if (double.IsNaN(threshold))
        {
            return features;
        }

        var separation = _parameters.EffectiveSeparation;
        var margin = Math.Max(
            _parameters.Radius, Math.Max(Math.Floor(separation / 2) - 1, _parameters.EffectiveSmoothingSize / 2));
        _peaks.Clear();
        _maxima.Find(image, height, width, separation, threshold, margin, _peaks);
        _refiner.Refine(raw, image, height, width, _peaks, _parameters.MaxIterations, _parameters.Characterize, features);
        _closeFilter.Apply(features, separation);
        FeatureSelection.Rescale(features, scale);
        FeatureSelection.Filter(features, _parameters.EffectiveMinMass, _parameters.MaxSize);
        FeatureSelection.KeepTop(features, _parameters.TopN);
        if (_parameters.Characterize && features.Count > 0)
        {
            AddStaticError(features, image, raw, height, width);
        }

        return features;
    }

    public IReadOnlyList<Localization> Locate(ImageFrame frame, int frameIndex, double pixelSizeNm)
    {
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        var features = LocatePixels(frame);
        var localizations = new Localization[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            localizations[i] = new Localization(
                frameIndex, PixelCoordinates.ToNanometres(f.X, pixelSizeNm), PixelCoordinates.ToNanometres(f.Y, pixelSizeNm))
            {
                Mass = f.Mass,
                Size = f.Size,
                Ecc = f.Ecc,
                Signal = f.Signal,
                RawMass = f.RawMass,
                Ep = f.Ep,
            };
        }

        return localizations;
    }

    private ReadOnlySpan<float> RawImage(ReadOnlySpan<float> pixels)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            if (!float.IsFinite(pixels[i]))
            {
                throw new ArgumentException(
                    $"the frame has a non-finite pixel ({pixels[i]}) at index {i}; Crocker–Grier needs finite pixel values", "frame");
            }
        }

        if (!_parameters.Invert)
        {
            return pixels;
        }

        if (_inverted.Length < pixels.Length)
        {
            _inverted = new float[pixels.Length];
        }

        var inverted = _inverted.AsSpan(0, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            inverted[i] = _gamut.Invert(pixels[i]);
        }

        return inverted;
    }

    /// <summary>The image peaks are found in: bandpassed (or raw), then scaled into the integer range as trackpy does.</summary>
    private Span<double> Processed(ReadOnlySpan<float> raw, int height, int width, out double scale)
    {
        var count = height * width;
        if (_processed.Length < count)
        {
            _processed = new double[count];
        }

        var image = _processed.AsSpan(0, count);
        if (_parameters.Preprocess)
        {
            _bandpass.Apply(raw, height, width, image);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                image[i] = raw[i];
            }
        }

        // An integer image that was not bandpassed is already of integer type; trackpy leaves it as it is.
        scale = _parameters.Preprocess || !_gamut.IsInteger ? GamutScaling.ScaleInPlace(image, _gamut.IntegerMax) : 1.0;
        return image;
    }

    private void AddStaticError(List<CrockerGrierFeature> features, ReadOnlySpan<double> image, ReadOnlySpan<float> raw, int height, int width)
    {
        var (blackLevel, noise) = _noise.Measure(image, raw, height, width);
        for (var i = 0; i < features.Count; i++)
        {
            var signalMass = features[i].RawMass - (_mask.Count * blackLevel);
            var ep = noise / signalMass * _parameters.NoiseSize * _mask.RootSumSquaredOffset;
            features[i] = features[i] with { Ep = ep >= 0 ? ep : double.NaN };
        }
    }
}
