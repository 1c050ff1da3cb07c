namespace Perrin.Core.Maths;

/// <summary>
/// Bessel functions of the first kind of orders 0 and 1: the power series below |x| = 12 and Hankel's
/// asymptotic expansion above, both accurate to about 1e-12 absolute.
/// </summary>
public static class Bessel
{
    private const double SeriesLimit = 12.0;

    public static double J0(double x) => Evaluate(0, Math.Abs(x));

    public static double J1(double x) => x < 0 ? -Evaluate(1, -x) : Evaluate(1, x);

    private static double Evaluate(int order, double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return x < SeriesLimit ? Series(order, x) : Asymptotic(order, x);
    }

    // J_n(x) = Σ (−1)^k (x/2)^(2k+n) / (k! (k+n)!)
    private static double Series(int order, double x)
    {
        double half = 0.5 * x;
        double q = -half * half;
        double term = order == 0 ? 1.0 : half;
        double sum = term;
        for (int k = 1; k < 100; k++)
        {
            term *= q / (k * (double)(k + order));
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum) && k > 2)
            {
                break;
            }
        }

        return sum;
    }

    // J_n(x) ≈ √(2/(πx)) (P cos χ − Q sin χ), χ = x − (n/2 + 1/4)π, with P and Q the Hankel series in 1/(8x),
    // truncated at their smallest term.
    private static double Asymptotic(int order, double x)
    {
        double mu = 4.0 * order * order;
        double z = 8.0 * x;
        double p = 1.0;
        double q = 0.0;
        double term = 1.0;
        double previous = double.MaxValue;
        for (int k = 1; k < 60; k++)
        {
            double odd = (2 * k) - 1;
            term *= (mu - (odd * odd)) / (k * z);
            if (Math.Abs(term) >= previous || Math.Abs(term) < 1e-17)
            {
                break;
            }

            previous = Math.Abs(term);
            switch (k % 4)
            {
                case 1: q += term; break;
                case 2: p -= term; break;
                case 3: q -= term; break;
                default: p += term; break;
            }
        }

        double chi = x - (((0.5 * order) + 0.25) * Math.PI);
        return Math.Sqrt(2.0 / (Math.PI * x)) * ((p * Math.Cos(chi)) - (q * Math.Sin(chi)));
    }
}
