using System.Numerics.Tensors;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's boxcar: scipy's uniform_filter1d along y then along x with edge pixels repeated (mode 'nearest').
/// The running sum is kept and divided exactly as scipy does, and each pass is stored in the raw image's type, so
/// integer images get scipy's truncated averages and float32 images its rounded ones.
/// </summary>
internal sealed class BoxcarAverage
{
    private readonly int _size;
    private readonly PixelType _type;
    private double[] _running = [];
    private double[] _difference = [];
    private double[] _line = [];

    public BoxcarAverage(int size, SampleGamut gamut)
    {
        _size = size;
        _type = gamut.Type;
    }

    /// <summary>Averages <paramref name="image"/> (the raw pixels widened to double) into <paramref name="output"/>.</summary>
    public void Apply(ReadOnlySpan<double> image, int height, int width, Span<double> output)
    {
        if (_running.Length < width)
        {
            _running = new double[width];
            _difference = new double[width];
            _line = new double[width];
        }

        if (_size <= 1)
        {
            image[..(height * width)].CopyTo(output);
            return;
        }

        AlongY(image, height, width, output);
        for (var y = 0; y < height; y++)
        {
            AlongX(output.Slice(y * width, width));
        }
    }

    private void AlongY(ReadOnlySpan<double> image, int height, int width, Span<double> output)
    {
        var before = _size / 2;
        var after = _size - before - 1;
        var running = _running.AsSpan(0, width);
        var difference = _difference.AsSpan(0, width);
        running.Clear();
        for (var k = -before; k <= after; k++)
        {
            TensorPrimitives.Add(running, image.Slice(Math.Clamp(k, 0, height - 1) * width, width), running);
        }

        Store(running, output[..width]);
        for (var y = 1; y < height; y++)
        {
            var entering = image.Slice(Math.Min(y + after, height - 1) * width, width);
            var leaving = image.Slice(Math.Max(y - 1 - before, 0) * width, width);
            TensorPrimitives.Subtract(entering, leaving, difference);
            TensorPrimitives.Add(running, difference, running);
            Store(running, output.Slice(y * width, width));
        }
    }

    private void AlongX(Span<double> row)
    {
        var width = row.Length;
        var before = _size / 2;
        var after = _size - before - 1;
        var line = _line.AsSpan(0, width);
        row.CopyTo(line);
        var running = 0.0;
        for (var k = -before; k <= after; k++)
        {
            running += line[Math.Clamp(k, 0, width - 1)];
        }

        row[0] = running / _size;
        for (var x = 1; x < width; x++)
        {
            running += line[Math.Min(x + after, width - 1)] - line[Math.Max(x - 1 - before, 0)];
            row[x] = running / _size;
        }

        Quantize(row);
    }

    private void Store(ReadOnlySpan<double> sum, Span<double> target)
    {
        TensorPrimitives.Divide(sum, _size, target);
        Quantize(target);
    }

    /// <summary>What writing into an array of the raw image's dtype does to an average (always within the type's range).</summary>
    private void Quantize(Span<double> values)
    {
        switch (_type)
        {
            case PixelType.Float64:
                return;
            case PixelType.Float32:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)values[i];
                }

                return;
            default:
                TensorPrimitives.Truncate(values, values);
                return;
        }
    }
}
