using System.Numerics;
using System.Runtime.Intrinsics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// The Mie series of one sphere in dimensionless form (relative index m, size parameter x = k a): the coefficients,
/// the efficiencies and the amplitude scattering functions. Immutable and thread-safe once built.
/// </summary>
public sealed class MieSolution
{
    private readonly Complex[] _a;
    private readonly Complex[] _b;
    private readonly double[] _weightedA;
    private readonly double[] _weightedB;
    private readonly double[] _piStep;

    private MieSolution(Complex relativeIndex, double sizeParameter, Complex[] a, Complex[] b)
    {
        RelativeIndex = relativeIndex;
        SizeParameter = sizeParameter;
        _a = a;
        _b = b;
        // (2n+1)/(n(n+1)) folded into interleaved (re, im) pairs so the angular sums need no complex type.
        _weightedA = new double[2 * a.Length];
        _weightedB = new double[2 * a.Length];
        _piStep = new double[2 * a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            double n = i + 1;
            double w = (2 * n + 1) / (n * (n + 1));
            _piStep[2 * i] = (2 * n + 1) / n;
            _piStep[2 * i + 1] = (n + 1) / n;
            _weightedA[2 * i] = w * a[i].Real;
            _weightedA[2 * i + 1] = w * a[i].Imaginary;
            _weightedB[2 * i] = w * b[i].Real;
            _weightedB[2 * i + 1] = w * b[i].Imaginary;
        }

        Efficiencies = ComputeEfficiencies(a, b, sizeParameter);
    }

    /// <summary>Relative index m = n_particle / n_medium; <see cref="Complex.Infinity"/> for a perfect conductor.</summary>
    public Complex RelativeIndex { get; }

    /// <summary>x = 2π n_medium a / λ.</summary>
    public double SizeParameter { get; }

    /// <summary>Number of terms N of the series.</summary>
    public int OrderCount => _a.Length;

    /// <summary>a_1..a_N (index 0 holds a_1).</summary>
    public ReadOnlySpan<Complex> A => _a;

    /// <summary>b_1..b_N (index 0 holds b_1).</summary>
    public ReadOnlySpan<Complex> B => _b;

    public MieEfficiencies Efficiencies { get; }

    /// <summary>Solves a homogeneous sphere; m = n + iκ with κ ≥ 0.</summary>
    public static MieSolution Compute(Complex relativeIndex, double sizeParameter)
    {
        int count = MieCoefficients.OrderCount(sizeParameter);
        var a = new Complex[count];
        var b = new Complex[count];
        MieCoefficients.Compute(relativeIndex, sizeParameter, a, b);
        return new MieSolution(relativeIndex, sizeParameter, a, b);
    }

    /// <summary>Solves a perfectly conducting sphere (the limit |m| → ∞).</summary>
    public static MieSolution PerfectConductor(double sizeParameter)
    {
        int count = MieCoefficients.OrderCount(sizeParameter);
        var a = new Complex[count];
        var b = new Complex[count];
        MieCoefficients.ComputePerfectConductor(sizeParameter, a, b);
        return new MieSolution(Complex.Infinity, sizeParameter, a, b);
    }

    /// <summary>S1 and S2 at the scattering angle θ, given as cos θ ∈ [-1, 1].</summary>
    public MieAmplitudes Amplitudes(double cosTheta)
    {
        CheckCosine(cosTheta);
        Sum(cosTheta, out var s1, out var s2);
        return new MieAmplitudes(s1, s2);
    }

    /// <summary>S1 and S2 at many angles (cos θ each in [-1, 1]) with the cached coefficients.</summary>
    public void Amplitudes(ReadOnlySpan<double> cosTheta, Span<Complex> s1, Span<Complex> s2)
    {
        if (s1.Length < cosTheta.Length || s2.Length < cosTheta.Length)
        {
            throw new ArgumentException("The output spans must be at least as long as the angles.");
        }

        foreach (var mu in cosTheta)
        {
            CheckCosine(mu);
        }

        SumMany(cosTheta, s1, s2);
    }

    /// <summary>
    /// Phase function of unpolarized light, (|S1|² + |S2|²) / (2π x² Q_sca), normalized so that its integral over
    /// all directions is 1.
    /// </summary>
    public double PhaseFunction(double cosTheta)
    {
        var s = Amplitudes(cosTheta);
        double x = SizeParameter;
        return (Norm(s.S1) + Norm(s.S2)) / (2 * Math.PI * x * x * Efficiencies.Scattering);
    }

    /// <summary>
    /// S1 = Σ (2n+1)/(n(n+1)) (a_n π_n + b_n τ_n), S2 = Σ (2n+1)/(n(n+1)) (a_n τ_n + b_n π_n), with π_n, τ_n by the
    /// upward recurrence of Bohren &amp; Huffman eq. 4.47.
    /// </summary>
    internal void Sum(double mu, out Complex s1, out Complex s2)
    {
        double s1r = 0, s1i = 0, s2r = 0, s2i = 0;
        double piPrev = 0;
        double pi = 1;
        var wa = _weightedA;
        var wb = _weightedB;
        var step = _piStep;
        int count = _a.Length;
        for (int i = 0; i < count; i++)
        {
            double n = i + 1;
            double tau = n * mu * pi - (n + 1) * piPrev;
            double ar = wa[2 * i], ai = wa[2 * i + 1], br = wb[2 * i], bi = wb[2 * i + 1];
            s1r += ar * pi + br * tau;
            s1i += ai * pi + bi * tau;
            s2r += ar * tau + br * pi;
            s2i += ai * tau + bi * pi;
            double piNext = step[2 * i] * mu * pi - step[2 * i + 1] * piPrev;
            piPrev = pi;
            pi = piNext;
        }

        s1 = new Complex(s1r, s1i);
        s2 = new Complex(s2r, s2i);
    }

    /// <summary>
    /// <see cref="Sum"/> for many angles, four at a time: the π_n recurrence is a serial chain, so independent
    /// angles in vector lanes fill the pipeline. Each lane performs the scalar operations in the same order, so
    /// the results are bit-identical to <see cref="Sum"/>.
    /// </summary>
    internal void SumMany(ReadOnlySpan<double> mu, Span<Complex> s1, Span<Complex> s2)
    {
        int i = 0;
        for (; i + 4 <= mu.Length; i += 4)
        {
            SumFour(Vector256.Create(mu.Slice(i, 4)), out var s1r, out var s1i, out var s2r, out var s2i);
            for (int lane = 0; lane < 4; lane++)
            {
                s1[i + lane] = new Complex(s1r.GetElement(lane), s1i.GetElement(lane));
                s2[i + lane] = new Complex(s2r.GetElement(lane), s2i.GetElement(lane));
            }
        }

        for (; i < mu.Length; i++)
        {
            Sum(mu[i], out s1[i], out s2[i]);
        }
    }

    private void SumFour(Vector256<double> mu, out Vector256<double> s1r, out Vector256<double> s1i,
        out Vector256<double> s2r, out Vector256<double> s2i)
    {
        s1r = s1i = s2r = s2i = Vector256<double>.Zero;
        var piPrev = Vector256<double>.Zero;
        var pi = Vector256<double>.One;
        var wa = _weightedA;
        var wb = _weightedB;
        var step = _piStep;
        int count = _a.Length;
        for (int i = 0; i < count; i++)
        {
            double n = i + 1;
            var tau = Vector256.Create(n) * mu * pi - Vector256.Create(n + 1) * piPrev;
            var ar = Vector256.Create(wa[2 * i]);
            var ai = Vector256.Create(wa[2 * i + 1]);
            var br = Vector256.Create(wb[2 * i]);
            var bi = Vector256.Create(wb[2 * i + 1]);
            s1r += ar * pi + br * tau;
            s1i += ai * pi + bi * tau;
            s2r += ar * tau + br * pi;
            s2i += ai * tau + bi * pi;
            var piNext = Vector256.Create(step[2 * i]) * mu * pi - Vector256.Create(step[2 * i + 1]) * piPrev;
            piPrev = pi;
            pi = piNext;
        }
    }

    private static MieEfficiencies ComputeEfficiencies(Complex[] a, Complex[] b, double x)
    {
        double ext = 0, sca = 0, asym = 0;
        var back = Complex.Zero;
        for (int i = 0; i < a.Length; i++)
        {
            double n = i + 1;
            ext += (2 * n + 1) * (a[i].Real + b[i].Real);
            sca += (2 * n + 1) * (Norm(a[i]) + Norm(b[i]));
            back += (i % 2 == 0 ? -1 : 1) * (2 * n + 1) * (a[i] - b[i]);
            asym += (2 * n + 1) / (n * (n + 1)) * (a[i] * Complex.Conjugate(b[i])).Real;
            if (i + 1 < a.Length)
            {
                asym += n * (n + 2) / (n + 1) *
                        (a[i] * Complex.Conjugate(a[i + 1]) + b[i] * Complex.Conjugate(b[i + 1])).Real;
            }
        }

        double x2 = x * x;
        double qExt = 2 * ext / x2;
        double qSca = 2 * sca / x2;
        return new MieEfficiencies(
            Extinction: qExt,
            Scattering: qSca,
            Absorption: qExt - qSca,
            Backscattering: Norm(back) / x2,
            Asymmetry: 4 * asym / (x2 * qSca));
    }

    private static double Norm(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;

    private static void CheckCosine(double cosTheta)
    {
        if (!(cosTheta >= -1 && cosTheta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cosTheta), cosTheta, "cos θ must lie in [-1, 1].");
        }
    }
}
