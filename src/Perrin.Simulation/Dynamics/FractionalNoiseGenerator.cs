using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Exact sequential fractional Gaussian noise by Hosking's method: each value is drawn from its Gaussian law
/// conditional on all previous ones, with the predictor coefficients updated by the Durbin–Levinson recursion.
/// Step n costs O(n) time, so a path of n steps costs O(n²) time and O(n) memory; the path is limited to
/// <see cref="MaxSteps"/> steps (about 10 s of arithmetic per axis at the limit).
/// </summary>
public sealed class FractionalNoiseGenerator
{
    public const int MaxSteps = 1 << 16;

    private readonly double _hurst;
    private double[] _history;
    private double[] _covariance;
    private double[] _predictor;
    private double _innovationVariance = 1;

    /// <param name="hurst">H in (0, 1).</param>
    /// <param name="expectedSteps">A capacity hint; the generator grows as needed up to <see cref="MaxSteps"/>.</param>
    public FractionalNoiseGenerator(double hurst, int expectedSteps = 256)
    {
        if (!(hurst > 0 && hurst < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hurst), $"the Hurst exponent must lie in (0, 1), not {hurst}");
        }

        _hurst = hurst;
        var capacity = Math.Clamp(expectedSteps, 1, MaxSteps) + 1;
        _history = new double[capacity];
        _covariance = new double[capacity];
        _predictor = new double[capacity];
        _covariance[0] = 1;
    }

    /// <summary>How many values have been drawn.</summary>
    public int Count { get; private set; }

    public double Next(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var n = Count;
        if (n >= MaxSteps)
        {
            throw new InvalidOperationException($"exact fractional Gaussian noise is limited to {MaxSteps} steps per path");
        }

        if (n + 1 >= _history.Length)
        {
            Grow();
        }

        double mean = 0;
        if (n > 0)
        {
            _covariance[n] = FractionalGaussianNoise.Autocovariance(_hurst, n);
            UpdatePredictor(n);
            for (var k = 1; k <= n; k++)
            {
                mean += _predictor[k] * _history[n - k];
            }
        }

        var value = mean + (Math.Sqrt(_innovationVariance) * random.Normal());
        _history[n] = value;
        Count = n + 1;
        return value;
    }

    /// <summary>Durbin–Levinson: the order-n predictor from the order-(n−1) one, in place.</summary>
    private void UpdatePredictor(int n)
    {
        var phi = _predictor;
        var numerator = _covariance[n];
        for (var k = 1; k < n; k++)
        {
            numerator -= phi[k] * _covariance[n - k];
        }

        var reflection = numerator / _innovationVariance;
        int low = 1, high = n - 1;
        for (; low < high; low++, high--)
        {
            var a = phi[low];
            var b = phi[high];
            phi[low] = a - (reflection * b);
            phi[high] = b - (reflection * a);
        }

        if (low == high)
        {
            phi[low] -= reflection * phi[low];
        }

        phi[n] = reflection;
        _innovationVariance *= 1 - (reflection * reflection);
    }

    private void Grow()
    {
        var capacity = (int)Math.Min((long)_history.Length * 2, MaxSteps + 1);
        Array.Resize(ref _history, capacity);
        Array.Resize(ref _covariance, capacity);
        Array.Resize(ref _predictor, capacity);
    }
}
