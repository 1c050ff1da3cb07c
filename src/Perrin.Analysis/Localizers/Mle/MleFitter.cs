namespace Perrin.Analysis.Localizers.Mle;

/// <summary>
/// Fits the integrated Gaussian to one square ROI by maximizing the Poisson likelihood (Smith et al. 2010) with
/// Levenberg–Marquardt-damped Fisher scoring: each step solves (F + λ·diag F)·δ = ∇ log L, and a step that lowers
/// the likelihood is retried with more damping. Fisher scoring needs no second derivatives of the model and its
/// matrix stays positive definite, so the iteration cannot head for a saddle. One fitter per thread.
/// </summary>
internal sealed class MleFitter
{
    private const double MinSigma = 0.25;
    private const double MinBackground = 1e-6;
    private const double Tolerance = 1e-6;
    private readonly GaussianModel _model;
    private readonly double[] _data;
    private readonly float[] _startData;

    public MleFitter(int size, double readNoiseVariance)
    {
        _model = new GaussianModel(size, readNoiseVariance);
        _data = new double[size * size];
        _startData = new float[size * size];
    }

    public int Size => _model.Size;

    /// <param name="roi">Size × Size photoelectrons, rows contiguous, all finite.</param>
    /// <param name="sigma">Start value of σ in pixels, or its value when <paramref name="fitSigma"/> is false.</param>
    public MleFitResult Fit(ReadOnlySpan<float> roi, double sigma, bool fitSigma, int maxIterations) =>
        Fit(roi, sigma, fitSigma, maxIterations, null, []);

    /// <param name="start">A known position (and brightness) to start from instead of the ROI's centroid, which a neighbour's light would pull.</param>
    /// <param name="knownLight">
    /// Expected photoelectrons of other spots in each ROI pixel, part of the model but not fitted; empty for none.
    /// Modelling a neighbour's light keeps its shot noise in the likelihood, which subtracting it from the data would not.
    /// </param>
    public MleFitResult Fit(ReadOnlySpan<float> roi, double sigma, bool fitSigma, int maxIterations, MleStart? start, ReadOnlySpan<float> knownLight)
    {
        var size = Size;
        var gamma = _model.ReadNoiseVariance;
        for (var i = 0; i < _data.Length; i++)
        {
            _data[i] = Math.Max(0.0, roi[i] + gamma);
        }

        var p = fitSigma ? 5 : 4;
        var modelLight = _model.KnownLight;
        modelLight.Clear();
        var startData = roi;
        if (!knownLight.IsEmpty)
        {
            for (var i = 0; i < modelLight.Length; i++)
            {
                modelLight[i] = knownLight[i];
                _startData[i] = roi[i] - knownLight[i];
            }

            startData = _startData;
        }

        Span<double> theta = stackalloc double[GaussianModel.MaxParameters];
        Start(startData, sigma, theta);
        if (start is { } known)
        {
            theta[0] = known.X;
            theta[1] = known.Y;
            if (known.Photons > 0 && double.IsFinite(known.Photons))
            {
                theta[2] = known.Photons;
            }
        }

        Span<double> gradient = stackalloc double[GaussianModel.MaxParameters];
        Span<double> fisher = stackalloc double[GaussianModel.MaxParameters * GaussianModel.MaxParameters];
        Span<double> trial = stackalloc double[GaussianModel.MaxParameters];
        Span<double> trialGradient = stackalloc double[GaussianModel.MaxParameters];
        Span<double> trialFisher = stackalloc double[GaussianModel.MaxParameters * GaussianModel.MaxParameters];
        Span<double> system = stackalloc double[GaussianModel.MaxParameters * GaussianModel.MaxParameters];
        Span<double> step = stackalloc double[GaussianModel.MaxParameters];
        var logLikelihood = _model.Evaluate(theta, p, _data, gradient, fisher);
        var lambda = 1e-3;
        var converged = false;
        var iteration = 0;
        while (iteration < maxIterations && !converged && double.IsFinite(logLikelihood))
        {
            iteration++;
            fisher[..(p * p)].CopyTo(system);
            for (var a = 0; a < p; a++)
            {
                system[(a * p) + a] *= 1.0 + lambda;
            }

            if (!SymmetricSolver.TryFactor(system, p))
            {
                lambda *= 10;
                continue;
            }

            gradient[..p].CopyTo(step);
            SymmetricSolver.Solve(system, p, step);
            Propose(theta, step, p, trial);
            if (IsNegligible(theta, trial, p))
            {
                converged = true;
                break;
            }

            var trialLogLikelihood = _model.Evaluate(trial, p, _data, trialGradient, trialFisher);
            if (trialLogLikelihood >= logLikelihood)
            {
                trial.CopyTo(theta);
                trialGradient.CopyTo(gradient);
                trialFisher.CopyTo(fisher);
                logLikelihood = trialLogLikelihood;
                lambda = Math.Max(lambda * 0.1, 1e-9);
            }
            else
            {
                lambda *= 10;
                converged = lambda > 1e12;
            }
        }

        return Finish(theta, p, iteration, converged && double.IsFinite(logLikelihood));
    }

    // The centroid above the ROI's rim mean starts the fit close enough for the damped iteration to converge.
    private void Start(ReadOnlySpan<float> roi, double sigma, Span<double> theta)
    {
        var size = Size;
        double rim = 0;
        for (var i = 0; i < size; i++)
        {
            rim += roi[i] + roi[((size - 1) * size) + i] + roi[i * size] + roi[(i * size) + size - 1];
        }

        var background = Math.Max(rim / (4.0 * size), MinBackground);
        double total = 0, sx = 0, sy = 0, peak = 0;
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var excess = roi[(row * size) + col] - background;
                peak = Math.Max(peak, excess);
                if (excess > 0)
                {
                    total += excess;
                    sx += excess * col;
                    sy += excess * row;
                }
            }
        }

        var centre = 0.5 * (size - 1);
        theta[0] = total > 0 ? sx / total : centre;
        theta[1] = total > 0 ? sy / total : centre;
        theta[2] = Math.Max(total, Math.Max(peak, 1.0) * 2.0 * Math.PI * sigma * sigma);
        theta[3] = background;
        theta[4] = sigma;
    }

    // A step moves the spot at most one pixel and σ by at most half, and never makes N, b or σ non-positive.
    private void Propose(ReadOnlySpan<double> theta, ReadOnlySpan<double> step, int p, Span<double> trial)
    {
        theta.CopyTo(trial);
        trial[0] = theta[0] + Math.Clamp(step[0], -1.0, 1.0);
        trial[1] = theta[1] + Math.Clamp(step[1], -1.0, 1.0);
        trial[2] = theta[2] + step[2] > 0 ? theta[2] + step[2] : 0.5 * theta[2];
        trial[3] = Math.Max(theta[3] + step[3], MinBackground);
        if (p == 5)
        {
            var s = theta[4] + Math.Clamp(step[4], -0.5 * theta[4], 0.5 * theta[4]);
            trial[4] = Math.Clamp(s, MinSigma, Size);
        }
    }

    private static bool IsNegligible(ReadOnlySpan<double> theta, ReadOnlySpan<double> trial, int p)
    {
        var change = Math.Max(Math.Abs(trial[0] - theta[0]), Math.Abs(trial[1] - theta[1]));
        change = Math.Max(change, Math.Abs(trial[2] - theta[2]) / Math.Max(theta[2], 1.0));
        change = Math.Max(change, Math.Abs(trial[3] - theta[3]) / Math.Max(theta[3], 1.0));
        if (p == 5)
        {
            change = Math.Max(change, Math.Abs(trial[4] - theta[4]));
        }

        return change < Tolerance;
    }

    private MleFitResult Finish(ReadOnlySpan<double> theta, int p, int iterations, bool converged)
    {
        Span<double> gradient = stackalloc double[GaussianModel.MaxParameters];
        Span<double> fisher = stackalloc double[GaussianModel.MaxParameters * GaussianModel.MaxParameters];
        Span<double> variance = stackalloc double[GaussianModel.MaxParameters];
        _model.Evaluate(theta, p, _data, gradient, fisher);
        var invertible = SymmetricSolver.TryInverseDiagonal(fisher, p, variance);
        var gamma = _model.ReadNoiseVariance;
        double ratio = 0, squares = 0;
        for (var row = 0; row < Size; row++)
        {
            for (var col = 0; col < Size; col++)
            {
                var expected = _model.Expected(theta, col, row);
                var d = _data[(row * Size) + col];
                var m = expected + gamma;
                ratio += 2.0 * (m - d + (d > 0 ? d * Math.Log(d / m) : 0));
                var residual = d - m;
                squares += residual * residual;
            }
        }

        return new MleFitResult(
            theta[0],
            theta[1],
            theta[2],
            theta[3],
            theta[4],
            invertible ? variance[0] : double.NaN,
            invertible ? variance[1] : double.NaN,
            ratio,
            Math.Sqrt(squares / (Size * Size)),
            iterations,
            converged && invertible);
    }
}
