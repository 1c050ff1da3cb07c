using Perrin.Core.Randomness;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Training;

/// <summary>
/// Training batches simulated on the fly from a recipe: each sample is the recipe's image for a sample index drawn
/// from the batch's stream, standardized per image, with the recipe's label as the target (masks binarized, since a
/// segmentation network predicts foreground probability).
/// </summary>
internal sealed class SimulationDataSource : IDataSource
{
    /// <summary>How inputs are normalized; stored in model files so inference normalizes the same way.</summary>
    public const string Normalization = "per-image z-score: (x - mean) / std";

    private readonly ImageSimulator _simulator;
    private readonly bool _binarize;

    public SimulationDataSource(ImageSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        _simulator = simulator;
        _binarize = simulator.Label?.Name == LabelNames.Mask;
    }

    public int Width => _simulator.Width;

    public int Height => _simulator.Height;

    public int Channels => _simulator.Label?.Channels ?? 0;

    public Batch CreateBatch(int batchSize, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int w = Width, h = Height, plane = w * h, labelLength = _simulator.LabelLength;
        var input = Tensor.Empty(batchSize, 1, h, w);
        var target = Tensor.Empty(batchSize, Channels, _simulator.LabelSize.Height, _simulator.LabelSize.Width);
        for (var i = 0; i < batchSize; i++)
        {
            // Sample indices come from the batch's own stream, so batch k is the same on any thread and in any order.
            var index = rng.NextUInt64() >> 1;
            var image = input.Span.Slice(i * plane, plane);
            var label = target.Span.Slice(i * labelLength, labelLength);
            _simulator.Render(index, image, label);
            Standardize(image);
            if (_binarize)
            {
                for (var k = 0; k < label.Length; k++) label[k] = label[k] > 0f ? 1f : 0f;
            }
        }

        return new Batch(input, target);
    }

    /// <summary>(x − mean) / std over one image; a flat image becomes zeros.</summary>
    public static void Standardize(Span<float> image)
    {
        double sum = 0, sumSq = 0;
        foreach (var v in image)
        {
            sum += v;
            sumSq += (double)v * v;
        }

        var mean = sum / image.Length;
        var variance = Math.Max(0, (sumSq / image.Length) - (mean * mean));
        var scale = variance > 0 ? 1 / Math.Sqrt(variance) : 0;
        for (var k = 0; k < image.Length; k++) image[k] = (float)((image[k] - mean) * scale);
    }
}
