namespace Perrin.Simulation.Labels;

/// <summary>
/// The error function and its complement to about 1e-15, which .NET does not provide: a series with positive
/// terms below 2.5 (no cancellation) and a continued fraction above (where the series would need many terms).
/// </summary>
internal static class ErrorFunction
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;
    private const double SeriesLimit = 2.5;
    private const int MaxTerms = 200;
    private const int FractionDepth = 120;

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return -Erf(-x);
        }

        return x < SeriesLimit ? Series(x) : 1 - ContinuedFraction(x);
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        return x < SeriesLimit ? 1 - Series(x) : ContinuedFraction(x);
    }

    /// <summary>Probability that a standard normal variable lies in [a, b], keeping tail differences accurate.</summary>
    public static double NormalInterval(double a, double b)
    {
        const double invSqrt2 = 0.7071067811865476;
        if (a >= 0)
        {
            return 0.5 * (Erfc(a * invSqrt2) - Erfc(b * invSqrt2));
        }

        if (b <= 0)
        {
            return 0.5 * (Erfc(-b * invSqrt2) - Erfc(-a * invSqrt2));
        }

        return 1 - (0.5 * Erfc(-a * invSqrt2)) - (0.5 * Erfc(b * invSqrt2));
    }

    // erf(x) = 2/√π e^(−x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
    private static double Series(double x)
    {
        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < MaxTerms; n++)
        {
            term *= 2 * x2 / ((2 * n) + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the bottom up.
    private static double ContinuedFraction(double x)
    {
        var tail = x;
        for (var n = FractionDepth; n >= 1; n--)
        {
            tail = x + (0.5 * n / tail);
        }

        return OneOverSqrtPi * Math.Exp(-x * x) / tail;
    }
}
