using Perrin.Core.Randomness;

namespace Perrin.Nn.Training;

/// <summary>
/// The random stream of each batch: training batch k is stream k of the seed, validation batch k and replay-pool sample k
/// stream k under purposes of their own, so the validation set never repeats a training batch and neither depends on thread count.
/// </summary>
public static class BatchSeeds
{
    private const ulong TrainingPurpose = 0x7472_6169_6E;
    private const ulong ValidationPurpose = 0x7661_6C69_64;
    private const ulong SamplePurpose = 0x7361_6D70_6C65;

    public static RandomStream Training(ulong seed, long index) => new(seed, checked((ulong)index), TrainingPurpose);

    public static RandomStream Validation(ulong seed, long index) => new(seed, checked((ulong)index), ValidationPurpose);

    /// <summary>The stream of replay-pool sample <paramref name="index"/>: a batch of one made from it is that sample.</summary>
    public static RandomStream Sample(ulong seed, long index) => new(seed, checked((ulong)index), SamplePurpose);

    /// <summary>Training batch <paramref name="index"/> of <paramref name="source"/>, checked against the size asked for.</summary>
    public static Batch TrainingBatch(IDataSource source, int batchSize, ulong seed, long index) =>
        Checked(source, batchSize, Training(seed, index), index);

    internal static Batch Checked(IDataSource source, int batchSize, RandomStream rng, long index)
    {
        ArgumentNullException.ThrowIfNull(source);
        var batch = source.CreateBatch(batchSize, rng)
            ?? throw new InvalidOperationException($"data source {source.GetType().Name} returned no batch for index {index}.");
        if (batch.Size != batchSize)
        {
            batch.Dispose();
            throw new InvalidOperationException($"data source {source.GetType().Name} returned {batch.Size} samples for batch {index}, {batchSize} were asked for.");
        }
        return batch;
    }
}
