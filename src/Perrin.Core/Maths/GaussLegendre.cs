using System.Collections.Concurrent;

namespace Perrin.Core.Maths;

/// <summary>Gauss–Legendre quadrature nodes and weights on [−1, 1], computed once per order.</summary>
public sealed class GaussLegendre
{
    private const int MaxOrder = 256;
    private static readonly ConcurrentDictionary<int, GaussLegendre> Rules = new();

    private readonly double[] _nodes;
    private readonly double[] _weights;

    private GaussLegendre(int order)
    {
        _nodes = new double[order];
        _weights = new double[order];
        for (int i = 0; i < (order + 1) / 2; i++)
        {
            // Newton's method on P_n from the Chebyshev-like first guess of the i-th largest root.
            double x = Math.Cos(Math.PI * (i + 0.75) / (order + 0.5));
            double derivative = 0.0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                (double p, double dp) = Legendre(order, x);
                derivative = dp;
                double step = p / dp;
                x -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }

            (_, derivative) = Legendre(order, x);
            double weight = 2.0 / ((1.0 - (x * x)) * derivative * derivative);
            _nodes[i] = -x;
            _nodes[order - 1 - i] = x;
            _weights[i] = weight;
            _weights[order - 1 - i] = weight;
        }
    }

    public int Order => _nodes.Length;

    /// <summary>Nodes in increasing order.</summary>
    public ReadOnlySpan<double> Nodes => _nodes;

    public ReadOnlySpan<double> Weights => _weights;

    public static GaussLegendre Get(int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MaxOrder);
        return Rules.GetOrAdd(order, static n => new GaussLegendre(n));
    }

    private static (double Value, double Derivative) Legendre(int order, double x)
    {
        double p0 = 1.0;
        double p1 = x;
        for (int k = 2; k <= order; k++)
        {
            double p2 = (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k;
            p0 = p1;
            p1 = p2;
        }

        double pn = order == 0 ? p0 : p1;
        double pPrev = order == 0 ? 0.0 : p0;
        return (pn, order * ((x * pn) - pPrev) / ((x * x) - 1.0));
    }
}
