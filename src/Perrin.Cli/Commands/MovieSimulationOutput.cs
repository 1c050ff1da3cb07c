using Perrin.Core.IO.Tiff;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Cli.Commands;

/// <summary>The writers and chunk buffers of one `perrin simulate` run: a rendered chunk goes out in frame order.</summary>
internal sealed class MovieSimulationOutput(TiffWriter movie, TiffWriter? labels, ImageSimulator simulator, float[] images, float[] labelBuffer)
{
    public float[] Images { get; } = images;

    public float[] Labels { get; } = labelBuffer;

    /// <summary>Writes the first truths.Length frames of the buffers and keeps their truth.</summary>
    public void Write(ParticleTruth[][] rendered, List<ParticleTruth[]> truths)
    {
        var area = simulator.Width * simulator.Height;
        for (var i = 0; i < rendered.Length; i++)
        {
            movie.WriteFrame(Images.AsSpan(i * area, area));
            if (labels is not null)
            {
                var (w, h) = simulator.LabelSize;
                var channel = w * h;
                for (var c = 0; c < simulator.Label!.Channels; c++)
                {
                    labels.WriteFrame(Labels.AsSpan((i * simulator.LabelLength) + (c * channel), channel));
                }
            }
        }

        truths.AddRange(rendered);
    }
}
