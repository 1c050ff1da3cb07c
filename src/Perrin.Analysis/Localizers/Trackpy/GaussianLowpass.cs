using System.Numerics.Tensors;

namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's lowpass: a separable correlation with a normalized Gaussian truncated at int(4σ + 0.5) pixels, first
/// along y then along x, with zeros outside the image (scipy's mode 'constant').
/// </summary>
internal sealed class GaussianLowpass
{
    private readonly double[] _weights;
    private double[] _line = [];
    private double[] _pair = [];
    private double[] _columnPass = [];

    public GaussianLowpass(double sigma)
    {
        _weights = sigma > 0 ? HalfKernel(sigma) : [1.0];
    }

    public int HalfWidth => _weights.Length - 1;

    /// <summary>Weights for offsets 0..int(4σ + 0.5), normalized over the whole symmetric kernel.</summary>
    public static double[] HalfKernel(double sigma)
    {
        var halfWidth = (int)((4 * sigma) + 0.5);
        var half = new double[halfWidth + 1];
        var sum = 0.0;
        for (var x = -halfWidth; x <= halfWidth; x++)
        {
            var value = Math.Exp(x * (double)x / (-2 * sigma * sigma));
            sum += value;
            if (x >= 0)
            {
                half[x] = value;
            }
        }

        for (var i = 0; i < half.Length; i++)
        {
            half[i] /= sum;
        }

        return half;
    }

    /// <summary>Filters <paramref name="image"/> (the raw pixels widened to double) into <paramref name="output"/>.</summary>
    public void Apply(ReadOnlySpan<double> image, int height, int width, Span<double> output)
    {
        var count = height * width;
        EnsureCapacity(count, width);
        var columnPass = _columnPass.AsSpan(0, count);
        var pair = _pair.AsSpan(0, width);
        for (var y = 0; y < height; y++)
        {
            var target = columnPass.Slice(y * width, width);
            TensorPrimitives.Multiply(image.Slice(y * width, width), _weights[0], target);
            for (var k = 1; k < _weights.Length; k++)
            {
                var hasBelow = y + k < height;
                var hasAbove = y - k >= 0;
                if (hasBelow && hasAbove)
                {
                    TensorPrimitives.Add(image.Slice((y + k) * width, width), image.Slice((y - k) * width, width), pair);
                    TensorPrimitives.MultiplyAdd(pair, _weights[k], target, target);
                }
                else if (hasBelow || hasAbove)
                {
                    TensorPrimitives.MultiplyAdd(image.Slice((hasBelow ? y + k : y - k) * width, width), _weights[k], target, target);
                }
            }
        }

        var halfWidth = HalfWidth;
        var line = _line.AsSpan(0, width + (2 * halfWidth));
        for (var y = 0; y < height; y++)
        {
            columnPass.Slice(y * width, width).CopyTo(line.Slice(halfWidth, width));
            var target = output.Slice(y * width, width);
            TensorPrimitives.Multiply(line.Slice(halfWidth, width), _weights[0], target);
            for (var k = 1; k < _weights.Length; k++)
            {
                TensorPrimitives.Add(line.Slice(halfWidth + k, width), line.Slice(halfWidth - k, width), pair);
                TensorPrimitives.MultiplyAdd(pair, _weights[k], target, target);
            }
        }
    }

    private void EnsureCapacity(int count, int width)
    {
        if (_columnPass.Length < count)
        {
            _columnPass = new double[count];
        }

        if (_pair.Length < width)
        {
            _pair = new double[width];
        }

        if (_line.Length < width + (2 * HalfWidth))
        {
            _line = new double[width + (2 * HalfWidth)];
        }

        // The padding on both sides of the line must stay zero: only its middle is ever written.
        _line.AsSpan().Clear();
    }
}
