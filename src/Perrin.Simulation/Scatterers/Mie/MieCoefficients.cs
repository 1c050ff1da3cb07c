using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// External Mie coefficients a_n, b_n of a homogeneous sphere (Bohren &amp; Huffman, 1983, §4.4 and Appendix A),
/// in the convention of Bohren &amp; Huffman: time dependence e^{-iωt}, so an absorbing particle has a relative
/// index m = n + iκ with κ ≥ 0.
/// </summary>
public static class MieCoefficients
{
    /// <summary>Largest size parameter accepted; beyond it the series needs more than ~10^5 terms.</summary>
    public const double MaxSizeParameter = 1e5;

    /// <summary>Smallest size parameter accepted; a smaller sphere is a point dipole for any imaging purpose.</summary>
    public const double MinSizeParameter = 1e-6;

    /// <summary>Longest downward recurrence allowed for D_n(mx) (about 40 ms of work).</summary>
    private const int MaxRecurrenceLength = 10_000_000;

    /// <summary>Number of terms of the series, n_max = x + 4 x^{1/3} + 2 (Wiscombe 1980; Bohren &amp; Huffman).</summary>
    public static int OrderCount(double sizeParameter)
    {
        CheckSizeParameter(sizeParameter);
        return Math.Max(1, (int)(sizeParameter + 4 * Math.Cbrt(sizeParameter) + 2));
    }

    /// <summary>
    /// Fills a[0..N-1], b[0..N-1] with a_1..a_N and b_1..b_N, N = <see cref="OrderCount"/>(x).
    /// D_n(mx) comes from the downward recurrence, ψ_n(x) from the upward recurrence (from D_n(x) ratios for
    /// x &lt; 2, where the upward recurrence cancels) and χ_n(x) upward. The downward recurrence starts past
    /// |mx|, so |mx| is limited to about 10^7: use <see cref="ComputePerfectConductor"/> for |m| → ∞.
    /// </summary>
    public static void Compute(Complex relativeIndex, double sizeParameter, Span<Complex> a, Span<Complex> b)
    {
        int count = OrderCount(sizeParameter);
        CheckIndex(relativeIndex);
        CheckLengths(count, a, b);
        var d = new Complex[count + 1];
        LogDerivative(relativeIndex * sizeParameter, d);
        var psi = RiccatiPsi(sizeParameter, count);
        double x = sizeParameter;
        double chiPrev = -Math.Sin(x);
        double chi = Math.Cos(x);
        for (int n = 1; n <= count; n++)
        {
            double chiN = (2 * n - 1) / x * chi - chiPrev;
            var xiN = new Complex(psi[n], -chiN);
            var xiPrev = new Complex(psi[n - 1], -chi);
            var da = d[n] / relativeIndex + n / x;
            var db = relativeIndex * d[n] + n / x;
            a[n - 1] = (da * psi[n] - psi[n - 1]) / (da * xiN - xiPrev);
            b[n - 1] = (db * psi[n] - psi[n - 1]) / (db * xiN - xiPrev);
            chiPrev = chi;
            chi = chiN;
        }
    }

    /// <summary>
    /// The limit |m| → ∞ (perfectly conducting sphere): a_n = ψ'_n(x)/ξ'_n(x), b_n = ψ_n(x)/ξ_n(x).
    /// </summary>
    public static void ComputePerfectConductor(double sizeParameter, Span<Complex> a, Span<Complex> b)
    {
        int count = OrderCount(sizeParameter);
        CheckLengths(count, a, b);
        var psi = RiccatiPsi(sizeParameter, count);
        double x = sizeParameter;
        double chiPrev = -Math.Sin(x);
        double chi = Math.Cos(x);
        for (int n = 1; n <= count; n++)
        {
            double chiN = (2 * n - 1) / x * chi - chiPrev;
            var xiN = new Complex(psi[n], -chiN);
            var xiPrev = new Complex(psi[n - 1], -chi);
            a[n - 1] = (n / x * psi[n] - psi[n - 1]) / (n / x * xiN - xiPrev);
            b[n - 1] = psi[n] / xiN;
            chiPrev = chi;
            chi = chiN;
        }
    }

    /// <summary>D_n(z) = ψ'_n(z)/ψ_n(z) for n = 0..d.Length-1.</summary>
    internal static void LogDerivative(Complex z, Span<Complex> d)
    {
        int last = d.Length - 1;
        double modulus = z.Magnitude;
        // Start far enough past the turning point n ≈ |z| that the error of the guess D = 0 is damped by
        // (ψ_start/ψ_|z|)², about Ai(10)² ≈ 1e-20, before the recurrence reaches the orders used.
        double start = Math.Max(last, modulus + 8 * Math.Cbrt(modulus)) + 16;
        if (start > MaxRecurrenceLength)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "|m·x| is too large for the Mie series; treat such a sphere as a perfect conductor.");
        }

        var current = Complex.Zero;
        for (int n = (int)start; n > last; n--)
        {
            var nz = n / z;
            current = nz - 1 / (current + nz);
        }

        d[last] = current;
        for (int n = last; n > 0; n--)
        {
            var nz = n / z;
            d[n - 1] = nz - 1 / (d[n] + nz);
        }
    }

    /// <summary>ψ_n(x) = x j_n(x) for n = 0..count.</summary>
    private static double[] RiccatiPsi(double x, int count)
    {
        var psi = new double[count + 1];
        psi[0] = Math.Sin(x);
        if (x < 2)
        {
            // No zero of any ψ_n below π, so the ratios ψ_{n-1}/ψ_n = D_n(x) + n/x are safe, and unlike the
            // upward recurrence they do not cancel for small x.
            var d = new Complex[count + 1];
            LogDerivative(new Complex(x, 0), d);
            for (int n = 1; n <= count; n++)
            {
                psi[n] = psi[n - 1] / (d[n].Real + n / x);
            }

            return psi;
        }

        double prev = Math.Cos(x);
        for (int n = 1; n <= count; n++)
        {
            double next = (2 * n - 1) / x * psi[n - 1] - prev;
            prev = psi[n - 1];
            psi[n] = next;
        }

        return psi;
    }

    private static void CheckSizeParameter(double sizeParameter)
    {
        if (!(sizeParameter >= MinSizeParameter && sizeParameter <= MaxSizeParameter))
        {
            throw new ArgumentOutOfRangeException(nameof(sizeParameter), sizeParameter,
                $"The size parameter must lie in [{MinSizeParameter}, {MaxSizeParameter}].");
        }
    }

    private static void CheckIndex(Complex relativeIndex)
    {
        if (!double.IsFinite(relativeIndex.Real) || !double.IsFinite(relativeIndex.Imaginary) ||
            relativeIndex == Complex.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeIndex), relativeIndex,
                "The relative refractive index must be finite and non-zero.");
        }

        if (relativeIndex.Imaginary < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(relativeIndex), relativeIndex,
                "An absorbing particle has m = n + iκ with κ ≥ 0 (Bohren & Huffman convention); " +
                "conjugate an index given as n - iκ.");
        }
    }

    private static void CheckLengths(int count, Span<Complex> a, Span<Complex> b)
    {
        if (a.Length < count || b.Length < count)
        {
            throw new ArgumentException($"The coefficient spans must hold at least {count} terms.");
        }
    }
}
