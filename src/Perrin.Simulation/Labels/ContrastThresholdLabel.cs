using System.Buffers;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// Another label drawn from the particles whose signed peak contrast reaches <see cref="MinContrast"/> in
/// magnitude. The faint ones stay in the image and in the truth; only the target leaves them out. An iSCAT
/// scatterer near quadrature phase, or far below the shot noise, leaves no trace a network could find, and
/// asking for it anyway teaches the network to hedge everywhere. Particles without a contrast (NaN) count.
/// </summary>
public sealed class ContrastThresholdLabel : ILabel
{
    public ContrastThresholdLabel(ILabel inner, double minContrast)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(minContrast) || minContrast < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minContrast), minContrast, "the smallest contrast must be a finite number ≥ 0");
        }

        Inner = inner;
        MinContrast = minContrast;
    }

    public ILabel Inner { get; }

    public double MinContrast { get; }

    public string Name => Inner.Name;

    public int Channels => Inner.Channels;

    public (int Width, int Height) OutputSize(int width, int height) => Inner.OutputSize(width, height);

    /// <summary>Whether <paramref name="particle"/> belongs in the label.</summary>
    public bool Keeps(in ParticleTruth particle) => !(Math.Abs(particle.Contrast) < MinContrast);

    public void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        var kept = ArrayPool<ParticleTruth>.Shared.Rent(Math.Max(truth.Length, 1));
        try
        {
            var n = 0;
            foreach (ref readonly var p in truth)
            {
                if (Keeps(p))
                {
                    kept[n++] = p;
                }
            }

            Inner.Render(kept.AsSpan(0, n), width, height, destination);
        }
        finally
        {
            ArrayPool<ParticleTruth>.Shared.Return(kept, clearArray: true);
        }
    }
}
