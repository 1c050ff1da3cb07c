namespace Perrin.Core.Maths;

/// <summary>The error function and its complement, accurate to about 1e-15 relative.</summary>
public static class ErrorFunction
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.56418958354775628;

    // Below this the all-positive series converges without cancellation; above it the continued fraction
    // for erfc needs few terms.
    private const double SeriesLimit = 2.5;

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double ax = Math.Abs(x);
        double value = ax < SeriesLimit ? Series(ax) : 1.0 - ContinuedFraction(ax);
        return x < 0 ? -value : value;
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double ax = Math.Abs(x);
        double upper = ax < SeriesLimit ? 1.0 - Series(ax) : ContinuedFraction(ax);
        return x < 0 ? 2.0 - upper : upper;
    }

    /// <summary>erf(b) − erf(a), computed from whichever tail keeps the difference accurate.</summary>
    public static double Difference(double a, double b)
    {
        if (a > 0 && b > 0)
        {
            return Erfc(a) - Erfc(b);
        }

        if (a < 0 && b < 0)
        {
            return Erfc(-b) - Erfc(-a);
        }

        return Erf(b) - Erf(a);
    }

    // erf(x) = 2x/√π · exp(−x²) · Σ (2x²)ⁿ / (1·3·…·(2n+1)); every term is positive.
    private static double Series(double x)
    {
        double x2 = x * x;
        double term = 1.0;
        double sum = 1.0;
        for (int n = 1; n < 200; n++)
        {
            term *= 2.0 * x2 / ((2 * n) + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return TwoOverSqrtPi * x * Math.Exp(-x2) * sum;
    }

    // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated with the modified Lentz method.
    private static double ContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 500; k++)
        {
            double a = 0.5 * k;
            d = x + (a * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return OneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}
