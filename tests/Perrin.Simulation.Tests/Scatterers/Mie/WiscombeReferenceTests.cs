using System.Numerics;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Scatterers.Mie;

/// <summary>
/// Wiscombe's MIEV0 test cases 5–19: the answers stored in BLOCK DATA CHEKMI of MVTstNew.f (Wiscombe, "Mie
/// scattering calculations", NCAR/TN-140+STR, 1979, revised 1996), 7 significant figures. Q_ext and Q_sca are also
/// Table 1 of H. Du, Appl. Opt. 43, 1951 (2004); Q_sca and g agree with miepython's tests/test_nojit.py.
/// Wiscombe writes m = n − iκ and his S1, S2 are the complex conjugates of Bohren &amp; Huffman's, which this code uses.
/// </summary>
public class WiscombeReferenceTests
{
    public static TheoryData<double, double, double, double, double, double> Efficiencies => new()
    {
        // n, κ, x, Q_ext, Q_sca, g·Q_sca
        { 0.75, 0, 0.099, 7.417859e-6, 7.417859e-6, 1.074279e-8 },
        { 0.75, 0, 0.101, 8.033542e-6, 8.033542e-6, 1.211e-8 },
        { 0.75, 0, 10, 2.232265, 2.232265, 2.001164 },
        { 0.75, 0, 1000, 1.997908, 1.997908, 1.688121 },
        { 1.33, 1e-5, 1, 9.395198e-2, 9.39233e-2, 1.733048e-2 },
        { 1.33, 1e-5, 100, 2.101321, 2.096594, 1.821854 },
        { 1.33, 1e-5, 10000, 2.004089, 1.723857, 1.564987 },
        { 1.5, 1, 0.055, 1.01491e-1, 1.131687e-5, 5.558541e-9 },
        { 1.5, 1, 0.056, 1.033467e-1, 1.216311e-5, 6.193255e-9 },
        { 1.5, 1, 1, 2.336321, 6.634538e-1, 1.274736e-1 },
        { 1.5, 1, 100, 2.097502, 1.283697, 1.091466 },
        { 1.5, 1, 10000, 2.004368, 1.236574, 1.046525 },
        { 10, 10, 1, 2.532993, 2.049405, -2.267961e-1 },
        { 10, 10, 100, 2.071124, 1.836785, 1.021648 },
        { 10, 10, 10000, 2.005914, 1.795393, 9.842238e-1 },
    };

    [Theory]
    [MemberData(nameof(Efficiencies))]
    public void EfficienciesMatchMiev0(double n, double kappa, double x, double qExt, double qSca, double gQSca)
    {
        var q = MieSolution.Compute(new Complex(n, kappa), x).Efficiencies;

        // 7 printed figures: half a unit of the last is 5e-7 relative; 2e-6 leaves room for MIEV0's own
        // term count (x + 4.05 x^(1/3) + 2) differing by one term from this code's.
        AssertRelative(qExt, q.Extinction, 2e-6);
        AssertRelative(qSca, q.Scattering, 2e-6);
        // g Q_sca of a small sphere is a remainder of order x² Q_sca, stored to about 1e-3 of itself.
        AssertRelative(gQSca, q.Asymmetry * q.Scattering, x < 0.2 ? 1e-3 : 2e-6);
    }

    public static TheoryData<double, double, double, double[]> Amplitudes => new()
    {
        // n, κ, x, then Re S1, Im S1, Re S2, Im S2 at 0°, 30°, ..., 180° (Wiscombe's convention).
        {
            0.75, 0, 10, [
                55.80662, -9.758097, 55.80662, -9.758097,
                -7.672879, 10.87317, -10.92923, 9.629667,
                3.587894, -1.756177, 3.427411, 0.08082691,
                -1.785905, -0.05232828, -0.5148748, -0.7027288,
                1.537971, -0.08329374, -0.6908338, 0.2152693,
                -0.4140427, 0.1876851, 0.5247557, -0.1923391,
                -1.078568, -0.03608807, 1.078568, 0.03608807,
            ]
        },
        {
            1.33, 1e-5, 1, [
                2.3488e-2, 2.281705e-1, 2.3488e-2, 2.281705e-1,
                2.341722e-2, 2.217102e-1, 2.03483e-2, 1.938171e-1,
                2.322408e-2, 2.046815e-1, 1.181704e-2, 1.075976e-1,
                2.296081e-2, 1.828349e-1, 2.729533e-4, 6.702879e-3,
                2.26982e-2, 1.625401e-1, -1.114466e-2, -7.646326e-2,
                2.250635e-2, 1.48617e-1, -1.9423e-2, -1.271557e-1,
                2.243622e-2, 1.437106e-1, -2.243622e-2, -1.437106e-1,
            ]
        },
        {
            1.33, 1e-5, 100, [
                5253.302, -124.3188, 5253.302, -124.3188,
                -55.34573, -29.71881, -84.67204, -19.9947,
                17.10488, -15.20096, 33.10764, -2.709787,
                -3.655758, 8.76986, -6.550512, -4.67537,
                2.414318, 0.5380874, 6.039011, -11.69971,
                -1.222996, 32.83917, -9.653812, 14.74455,
                -56.59205, 46.50974, 56.59205, -46.50974,
            ]
        },
        {
            1.5, 1, 1, [
                5.840802e-1, 1.905153e-1, 5.840802e-1, 1.905153e-1,
                5.65702e-1, 1.871997e-1, 5.00161e-1, 1.456112e-1,
                5.175251e-1, 1.784426e-1, 2.879639e-1, 4.105398e-2,
                4.563396e-1, 1.671665e-1, 3.622847e-2, -6.182646e-2,
                4.002117e-1, 1.566427e-1, -1.74875e-1, -1.229586e-1,
                3.621572e-1, 1.49391e-1, -3.056823e-1, -1.43846e-1,
                3.488438e-1, 1.468286e-1, -3.488438e-1, -1.468286e-1,
            ]
        },
        {
            1.5, 1, 100, [
                5243.754, -293.4167, 5243.754, -293.4167,
                40.49055, -18.98456, 20.19198, 3.110731,
                -26.46835, -19.29564, 9.152743, -7.470202,
                12.6889, 23.97474, -12.32914, -7.823167,
                5.149886, 22.90736, -7.173357, -16.55464,
                -16.05395, 14.18642, 14.48052, -13.93594,
                -20.2936, 4.384435, 20.2936, -4.384435,
            ]
        },
        {
            10, 10, 1, [
                6.332483e-1, 4.179305e-1, 6.332483e-1, 4.179305e-1,
                6.162264e-1, 4.597163e-1, 5.573186e-1, 2.954338e-1,
                5.736317e-1, 5.602514e-1, 3.525107e-1, -5.921611e-3,
                5.238628e-1, 6.675352e-1, 7.881172e-2, -3.435544e-1,
                4.825816e-1, 7.434033e-1, -1.881212e-1, -6.028739e-1,
                4.570214e-1, 7.809867e-1, -3.793898e-1, -7.473279e-1,
                4.485464e-1, 7.912365e-1, -4.485464e-1, -7.912365e-1,
            ]
        },
        {
            10, 10, 100, [
                5177.811, -26.33811, 5177.811, -26.33811,
                52.27436, -12.70012, -23.80252, -0.3872567,
                -27.05712, -39.51751, 25.85821, 33.23624,
                1.00886, 46.63027, -3.479935, -43.64245,
                -15.0564, 43.33057, 13.60634, -42.38302,
                -45.1077, 5.199554, 44.74564, -5.452513,
                -41.45383, -18.21808, 41.45383, 18.21808,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Amplitudes))]
    public void AmplitudesMatchMiev0(double n, double kappa, double x, double[] table)
    {
        var solution = MieSolution.Compute(new Complex(n, kappa), x);
        for (int j = 0; j < 7; j++)
        {
            var s = solution.Amplitudes(Math.Cos(j * 30 * Math.PI / 180));
            var s1 = Complex.Conjugate(new Complex(table[4 * j], table[4 * j + 1]));
            var s2 = Complex.Conjugate(new Complex(table[4 * j + 2], table[4 * j + 3]));
            // Relative to |S| at that angle; 7 printed figures.
            Assert.True(Complex.Abs(s.S1 - s1) <= 2e-6 * Complex.Abs(s1), $"S1 at {30 * j}°: {s.S1} vs {s1}");
            Assert.True(Complex.Abs(s.S2 - s2) <= 2e-6 * Complex.Abs(s2), $"S2 at {30 * j}°: {s.S2} vs {s2}");
        }
    }

    internal static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual / expected - 1):E2})");
}
