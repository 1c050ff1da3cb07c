using Perrin.Core.Randomness;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Training;

/// <summary>
/// Training batches for a position regressor, simulated on the fly from a recipe whose <c>labels.form</c> is
/// positions: each sample's image is standardized as <see cref="SimulationDataSource"/> does, and its target is the
/// truth's one particle in the field, encoded by <see cref="Target"/> (2 values per sample).
/// </summary>
internal sealed class RegressorDataSource : IDataSource
{
    private readonly ImageSimulator _simulator;

    public RegressorDataSource(ImageSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        _simulator = simulator;
        Target = PositionTarget.For(simulator.Width, simulator.Height);
    }

    public PositionTarget Target { get; }

    public Batch CreateBatch(int batchSize, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        int w = _simulator.Width, h = _simulator.Height, plane = w * h;
        var input = Tensor.Empty(batchSize, 1, h, w);
        var target = Tensor.Empty(batchSize, 2);
        for (var i = 0; i < batchSize; i++)
        {
            // As in SimulationDataSource: indices from the batch's own stream keep batch k independent of threads and order.
            var index = rng.NextUInt64() >> 1;
            var image = input.Span.Slice(i * plane, plane);
            var (x, y) = Position(index, image);
            SimulationDataSource.Standardize(image);
            var (u, v) = Target.Encode(x, y);
            target.Span[2 * i] = u;
            target.Span[(2 * i) + 1] = v;
        }

        return new Batch(input, target);
    }

    /// <summary>Renders sample <paramref name="index"/> into <paramref name="image"/> and returns its particle's position in pixels.</summary>
    public (double X, double Y) Position(ulong index, Span<float> image)
    {
        var truth = TruthPositions.ClipToField(_simulator.Render(index, image, []), _simulator.Width, _simulator.Height);
        if (truth.Length != 1)
        {
            throw new InvalidOperationException($"sample {index} has {truth.Length} particles in the field; a position regressor needs exactly one in every image");
        }

        return (truth[0].X, truth[0].Y);
    }
}
