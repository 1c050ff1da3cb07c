using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// A Deep-STORM-style super-resolved image, one channel on a grid <see cref="Factor"/> times finer than the
/// image: bin (i, j) covers [i/k − 0.5, (i+1)/k − 0.5) × [j/k − 0.5, (j+1)/k − 0.5) in image pixels. Each
/// emitter inside the field adds <see cref="Scale"/> × its weight to the bin holding it, spread, when
/// <see cref="BlurSigma"/> &gt; 0, by a Gaussian of that many bins integrated over bins and normalized to sum 1
/// (so the total stays Scale × the summed weight, less what spreads past the border). Deep-STORM uses k = 8,
/// σ = 1 bin and Scale = 100.
/// </summary>
public sealed class SuperResolutionMap : ILabel
{
    private readonly double[] _kernel;

    public SuperResolutionMap(int factor, double blurSigma = 0, double scale = 1)
    {
        if (factor is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the upsampling factor must be between 1 and 64");
        }

        if (!double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be a finite number");
        }

        Factor = factor;
        BlurSigma = DiscreteKernel.CheckSigma(blurSigma, nameof(blurSigma));
        Scale = scale;
        _kernel = DiscreteKernel.Normalized(blurSigma);
    }

    public string Name => LabelNames.SuperResolution;

    public int Channels => 1;

    public int Factor { get; }

    /// <summary>Standard deviation of the blur in super-resolved bins; 0 for a plain histogram.</summary>
    public double BlurSigma { get; }

    public double Scale { get; }

    public LabelWeight Weight { get; init; } = LabelWeight.Count;

    /// <summary>Whether particles that are off count too.</summary>
    public bool IncludeOff { get; init; }

    public (int Width, int Height) OutputSize(int width, int height) => LabelGrid.Scaled(width, height, Factor, Channels);

    public void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        var (w, h) = LabelGrid.Prepare(this, width, height, destination);
        foreach (ref readonly var p in truth)
        {
            var weight = Weight == LabelWeight.Count ? 1 : p.Photons;
            if (!LabelGrid.Counts(p, IncludeOff)
                || double.IsNaN(weight)
                || !LabelGrid.TryBin(p.X, Factor, w, out var bx)
                || !LabelGrid.TryBin(p.Y, Factor, h, out var by))
            {
                continue;
            }

            var fx = DiscreteKernel.Clip(_kernel, bx, w, out var x0);
            var fy = DiscreteKernel.Clip(_kernel, by, h, out var y0);
            GaussianProfile.Splat(destination, w, x0, y0, fx, fy, Scale * weight, LabelCombine.Sum);
        }
    }
}
