namespace Perrin.Simulation.Optics;

/// <summary>
/// Zernike polynomials on the unit disc in Noll's ordering and normalization (Noll 1976): each has RMS 1 over
/// the disc, so a coefficient is the RMS of its term. Even j carry cos(mθ), odd j carry sin(mθ).
/// </summary>
public static class Zernike
{
    /// <summary>Largest supported Noll index (radial order 20).</summary>
    public const int MaxNoll = 231;

    /// <summary>The radial order n and signed azimuthal order m of Noll index j (m &lt; 0 for the sine terms).</summary>
    public static (int N, int M) NollToNm(int j)
    {
        if (j < 1 || j > MaxNoll)
        {
            throw new ArgumentOutOfRangeException(nameof(j), j, $"Noll indices run from 1 to {MaxNoll}.");
        }

        int n = 0;
        while ((n + 1) * (n + 2) / 2 < j)
        {
            n++;
        }

        int k = j - (n * (n + 1) / 2) - 1;
        int m = n % 2 == 0 ? 2 * ((k + 1) / 2) : (2 * (k / 2)) + 1;
        return m == 0 ? (n, 0) : (n, j % 2 == 0 ? m : -m);
    }

    /// <summary>R_n^|m|(ρ) = Σ_k (−1)^k (n−k)! / (k! ((n+|m|)/2 − k)! ((n−|m|)/2 − k)!) ρ^(n−2k).</summary>
    public static double Radial(int n, int m, double rho)
    {
        m = Math.Abs(m);
        if (n < 0 || m > n || (n - m) % 2 != 0)
        {
            throw new ArgumentException($"No radial polynomial for n = {n}, m = {m}: need 0 ≤ |m| ≤ n with n − |m| even.");
        }

        double sum = 0;
        for (int k = 0; k <= (n - m) / 2; k++)
        {
            double coefficient = Factorial(n - k) / (Factorial(k) * Factorial(((n + m) / 2) - k) * Factorial(((n - m) / 2) - k));
            sum += (k % 2 == 0 ? coefficient : -coefficient) * Math.Pow(rho, n - (2 * k));
        }

        return sum;
    }

    /// <summary>Z_j(ρ, θ), RMS-normalized over the unit disc.</summary>
    public static double Evaluate(int j, double rho, double theta)
    {
        (int n, int m) = NollToNm(j);
        double radial = Radial(n, m, rho);
        if (m == 0)
        {
            return Math.Sqrt(n + 1) * radial;
        }

        double norm = Math.Sqrt(2.0 * (n + 1));
        return norm * radial * (m > 0 ? Math.Cos(m * theta) : Math.Sin(-m * theta));
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }
}
