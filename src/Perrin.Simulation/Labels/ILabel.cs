using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// A training target computed from the ground truth of one image. Outputs are float images, channel-major:
/// channel c, row y, column x lies at (c·H + y)·W + x, where (W, H) is <see cref="OutputSize"/>.
/// Unless a label says otherwise, only particles that are on (<see cref="ParticleTruth.IsOn"/>) count, and
/// particles with a non-finite position are ignored.
/// </summary>
public interface ILabel
{
    /// <summary>Stable name by which recipes choose this kind of label (see <see cref="LabelNames"/>).</summary>
    string Name { get; }

    int Channels { get; }

    /// <summary>Size of each output channel for an image of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    (int Width, int Height) OutputSize(int width, int height);

    /// <summary>
    /// Overwrites the first Channels·W·H floats of <paramref name="destination"/> with the label; the rest of the
    /// span is left untouched.
    /// </summary>
    void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination);
}
