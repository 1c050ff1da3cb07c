namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's boxcar: scipy's uniform_filter1d along y then along x with edge pixels repeated (mode 'nearest').
/// The running sum is kept and divided exactly as scipy does, and each pass is stored in the raw image's type, so integer
/// images get scipy's truncated averages.
/// </summary>
internal sealed class BoxcarAverage
{
    private readonly int _size;
    private readonly SampleGamut _gamut;
    private double[] _running = [];
    private double[] _line = [];

    public BoxcarAverage(int size, SampleGamut gamut)
    {
        _size = size;
        _gamut = gamut;
    }

    public void Apply(ReadOnlySpan<float> image, int height, int width, Span<double> output)
    {
        if (_running.Length < width)
        {
            _running = new double[width];
        }

        if (_line.Length < width)
        {
            _line = new double[width];
        }

        if (_size <= 1)
        {
            for (var i = 0; i < height * width; i++)
            {
                output[i] = image[i];
            }

            return;
        }

        AlongY(image, height, width, output);
        for (var y = 0; y < height; y++)
        {
            AlongX(output.Slice(y * width, width));
        }
    }

    private void AlongY(ReadOnlySpan<float> image, int height, int width, Span<double> output)
    {
        var before = _size / 2;
        var after = _size - before - 1;
        var running = _running.AsSpan(0, width);
        running.Clear();
        for (var k = -before; k <= after; k++)
        {
            var row = image.Slice(Math.Clamp(k, 0, height - 1) * width, width);
            for (var x = 0; x < width; x++)
            {
                running[x] += row[x];
            }
        }

        for (var x = 0; x < width; x++)
        {
            output[x] = _gamut.StoreBoxcar(running[x] / _size);
        }

        for (var y = 1; y < height; y++)
        {
            var entering = image.Slice(Math.Min(y + after, height - 1) * width, width);
            var leaving = image.Slice(Math.Max(y - 1 - before, 0) * width, width);
            var target = output.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                running[x] += (double)entering[x] - leaving[x];
                target[x] = _gamut.StoreBoxcar(running[x] / _size);
            }
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

        row[0] = _gamut.StoreBoxcar(running / _size);
        for (var x = 1; x < width; x++)
        {
            running += line[Math.Min(x + after, width - 1)] - line[Math.Max(x - 1 - before, 0)];
            row[x] = _gamut.StoreBoxcar(running / _size);
        }
    }
}
