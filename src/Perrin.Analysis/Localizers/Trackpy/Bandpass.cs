namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's bandpass: Gaussian lowpass minus boxcar background, with everything below the threshold set to 0.
/// </summary>
internal sealed class Bandpass
{
    private readonly GaussianLowpass _lowpass;
    private readonly BoxcarAverage _boxcar;
    private readonly double _threshold;
    private double[] _background = [];

    public Bandpass(double noiseSize, int smoothingSize, double threshold, SampleGamut gamut)
    {
        _lowpass = new GaussianLowpass(noiseSize);
        _boxcar = new BoxcarAverage(smoothingSize, gamut);
        _threshold = threshold;
    }

    public void Apply(ReadOnlySpan<float> image, int height, int width, Span<double> output)
    {
        var count = height * width;
        if (_background.Length < count)
        {
            _background = new double[count];
        }

        var background = _background.AsSpan(0, count);
        _boxcar.Apply(image, height, width, background);
        _lowpass.Apply(image, height, width, output);
        for (var i = 0; i < count; i++)
        {
            var value = output[i] - background[i];
            output[i] = value >= _threshold ? value : 0;
        }
    }
}
