namespace Perrin.Analysis.Evaluation;

/// <summary>The dilogarithm Li₂ on the negative axis, which closes the integral in Mortensen's localization bound.</summary>
internal static class Dilogarithm
{
    // B₂ₖ / (2k + 1)! for k = 1..9: the series Li₂(x) = Σ Bₙ uⁿ⁺¹/(n + 1)! in u = −ln(1 − x) converges for |u| < 2π,
    // and |u| ≤ ln 2 here, so nine terms reach double precision.
    private static readonly double[] Coefficients =
    [
        1.0 / 36,
        -1.0 / 3600,
        1.0 / 211680,
        -1.0 / 10886400,
        1.0 / 526901760,
        -691.0 / 16999766784000,
        1.0 / 1120863744000,
        -3617.0 / 181400588328960000,
        43867.0 / 97072790126247936000.0,
    ];

    /// <summary>Li₂(−<paramref name="c"/>) for c ≥ 0.</summary>
    public static double OfNegative(double c)
    {
        if (!(c >= 0))
            throw new ArgumentOutOfRangeException(nameof(c), c, "Li₂(−c) is evaluated here for c ≥ 0 only");
        if (double.IsPositiveInfinity(c))
            return double.NegativeInfinity;
        if (c <= 1)
            return Series(c);

        // Inversion Li₂(−c) = −π²/6 − ½ ln²(c) − Li₂(−1/c) brings the argument back into [−1, 0].
        var log = Math.Log(c);
        return (-Math.PI * Math.PI / 6) - (0.5 * log * log) - Series(1 / c);
    }

    private static double Series(double c)
    {
        var u = -LogOnePlus(c);
        var u2 = u * u;
        var sum = 0.0;
        var power = u * u2;
        foreach (var coefficient in Coefficients)
        {
            sum += coefficient * power;
            power *= u2;
        }

        return u - (u2 / 4) + sum;
    }

    /// <summary>ln(1 + c) without the cancellation of forming 1 + c first (Goldberg's correction), for small c.</summary>
    private static double LogOnePlus(double c)
    {
        var onePlus = 1 + c;
        return onePlus == 1 ? c : Math.Log(onePlus) * c / (onePlus - 1);
    }
}
