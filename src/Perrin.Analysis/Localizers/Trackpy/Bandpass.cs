using System.Numerics.Tensors;

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
    private double[] _widened = [];

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
            _widened = new double[count];
        }

        var widened = _widened.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            widened[i] = image[i];
        }

        var background = _background.AsSpan(0, count);
        _boxcar.Apply(widened, height, width, background);
        _lowpass.Apply(widened, height, width, output);
        TensorPrimitives.Subtract(output, background, output);
        for (var i = 0; i < count; i++)
        {
            if (!(output[i] >= _threshold))
            {
                output[i] = 0;
            }
        }
    }
}
