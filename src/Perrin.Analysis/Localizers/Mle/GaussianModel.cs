namespace Perrin.Analysis.Localizers.Mle;

/// <summary>
/// The expected photoelectrons of a square ROI, μ = b + N·Ex(x)·Ey(y), with the read-noise variance γ added to
/// model and data (the sCMOS approximation of Huang et al. 2013). Parameters are ordered x, y, N, b, σ; a fit with
/// fixed σ uses the first four. Positions are in ROI pixels with (0, 0) at the centre of the ROI's first pixel.
/// <see cref="KnownLight"/> adds fixed expected photoelectrons per pixel (neighbouring spots fitted elsewhere), zero
/// unless set.
/// </summary>
internal sealed class GaussianModel
{
    public const int MaxParameters = 5;
    private readonly double[] _ex;
    private readonly double[] _dex;
    private readonly double[] _sx;
    private readonly double[] _ey;
    private readonly double[] _dey;
    private readonly double[] _sy;
    private readonly double[] _edges;
    private readonly double[] _known;

    public GaussianModel(int size, double readNoiseVariance)
    {
        _known = new double[size * size];
        Size = size;
        ReadNoiseVariance = readNoiseVariance;
        _ex = new double[size];
        _dex = new double[size];
        _sx = new double[size];
        _ey = new double[size];
        _dey = new double[size];
        _sy = new double[size];
        _edges = new double[size + 1];
    }

    public int Size { get; }

    public double ReadNoiseVariance { get; }

    /// <summary>Fixed expected photoelectrons in each pixel, rows contiguous, added to the model.</summary>
    public Span<double> KnownLight => _known;

    /// <summary>
    /// Poisson log-likelihood (without the data-only constant), its gradient and the Fisher information at θ.
    /// With empty <paramref name="data"/> only the Fisher information is meaningful.
    /// Returns −∞ where the model is not positive somewhere.
    /// </summary>
    /// <param name="data">Photoelectrons plus γ, clamped at zero: the sCMOS trick's shifted data.</param>
    public double Evaluate(ReadOnlySpan<double> theta, int p, ReadOnlySpan<double> data, Span<double> gradient, Span<double> fisher)
    {
        var (x, y, photons, background, sigma) = (theta[0], theta[1], theta[2], theta[3], theta[4]);
        IntegratedGaussianAxis.Evaluate(x, sigma, _ex, _dex, _sx, _edges);
        IntegratedGaussianAxis.Evaluate(y, sigma, _ey, _dey, _sy, _edges);
        gradient[..p].Clear();
        fisher[..(p * p)].Clear();
        Span<double> j = stackalloc double[MaxParameters];
        var withData = !data.IsEmpty;
        double logLikelihood = 0;
        for (var row = 0; row < Size; row++)
        {
            var (ey, dey, sy) = (_ey[row], _dey[row], _sy[row]);
            for (var col = 0; col < Size; col++)
            {
                var shape = _ex[col] * ey;
                var m = background + (photons * shape) + _known[(row * Size) + col] + ReadNoiseVariance;
                if (!(m > 0))
                {
                    // Where the model vanishes the data must too, which a fit cannot promise; the bound only loses
                    // a pixel that carries no information.
                    if (withData)
                    {
                        return double.NegativeInfinity;
                    }

                    continue;
                }

                j[0] = photons * _dex[col] * ey;
                j[1] = photons * _ex[col] * dey;
                j[2] = shape;
                j[3] = 1.0;
                j[4] = photons * ((_sx[col] * ey) + (_ex[col] * sy));
                var invM = 1.0 / m;
                if (withData)
                {
                    var d = data[(row * Size) + col];
                    logLikelihood += (d > 0 ? d * Math.Log(m) : 0) - m;
                    var r = (d * invM) - 1.0;
                    for (var a = 0; a < p; a++)
                    {
                        gradient[a] += r * j[a];
                    }
                }

                for (var a = 0; a < p; a++)
                {
                    var ja = j[a] * invM;
                    for (var b = 0; b <= a; b++)
                    {
                        fisher[(a * p) + b] += ja * j[b];
                    }
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < a; b++)
            {
                fisher[(b * p) + a] = fisher[(a * p) + b];
            }
        }

        return logLikelihood;
    }

    /// <summary>The model's expected photoelectrons (without γ) at pixel (col, row) after an <see cref="Evaluate"/> at θ.</summary>
    public double Expected(ReadOnlySpan<double> theta, int col, int row) => theta[3] + (theta[2] * _ex[col] * _ey[row]) + _known[(row * Size) + col];
}
