using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

public static class LabelExtensions
{
    /// <summary>Renders into a new array of exactly Channels·W·H floats.</summary>
    public static float[] RenderToArray(this ILabel label, ReadOnlySpan<ParticleTruth> truth, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(label);
        var (w, h) = label.OutputSize(width, height);
        var result = new float[w * h * label.Channels];
        label.Render(truth, width, height, result);
        return result;
    }
}
