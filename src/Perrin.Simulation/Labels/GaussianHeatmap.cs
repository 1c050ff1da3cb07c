using System.Buffers;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// A Gaussian of standard deviation <see cref="SigmaPixels"/> and peak 1 at each particle, at image resolution,
/// one channel. Footprints are cut beyond 8σ. With <see cref="GaussianSampling.PixelIntegrated"/> a pixel holds
/// the Gaussian's mean over its square, so the value at the particle's own pixel is below 1. Particles just
/// outside the field still add the part of their footprint that falls inside.
/// </summary>
public sealed class GaussianHeatmap : ILabel
{
    public GaussianHeatmap(double sigmaPixels)
    {
        if (!double.IsFinite(sigmaPixels) || sigmaPixels <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaPixels), sigmaPixels, "sigma must be a positive number of pixels");
        }

        SigmaPixels = sigmaPixels;
    }

    public string Name => LabelNames.Heatmap;

    public int Channels => 1;

    public double SigmaPixels { get; }

    public LabelCombine Combine { get; init; } = LabelCombine.Max;

    public GaussianSampling Sampling { get; init; } = GaussianSampling.Centre;

    /// <summary>Whether particles that are off count too.</summary>
    public bool IncludeOff { get; init; }

    public (int Width, int Height) OutputSize(int width, int height) => LabelGrid.Scaled(width, height, 1, Channels);

    public void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        LabelGrid.Prepare(this, width, height, destination);
        var reach = GaussianProfile.Reach * SigmaPixels;
        var scratch = ArrayPool<double>.Shared.Rent(width + height);
        try
        {
            foreach (ref readonly var p in truth)
            {
                if (!LabelGrid.Counts(p, IncludeOff)
                    || !LabelGrid.Window(p.X, reach, width, out var x0, out var x1)
                    || !LabelGrid.Window(p.Y, reach, height, out var y0, out var y1))
                {
                    continue;
                }

                var fx = scratch.AsSpan(0, x1 - x0 + 1);
                var fy = scratch.AsSpan(width, y1 - y0 + 1);
                if (Sampling == GaussianSampling.Centre)
                {
                    GaussianProfile.AtCentres(p.X, SigmaPixels, x0, fx);
                    GaussianProfile.AtCentres(p.Y, SigmaPixels, y0, fy);
                }
                else
                {
                    GaussianProfile.MeanOverPixels(p.X, SigmaPixels, x0, fx);
                    GaussianProfile.MeanOverPixels(p.Y, SigmaPixels, y0, fy);
                }

                GaussianProfile.Splat(destination, width, x0, y0, fx, fy, 1, Combine);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }
}
