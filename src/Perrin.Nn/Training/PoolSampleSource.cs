using Perrin.Core.Randomness;

namespace Perrin.Nn.Training;

/// <summary>
/// The samples a replay pool needs, in the order it needs them, as a data source of one-sample batches whose
/// stream index is the position in that order: positions 0 … P − 1 fill the pool of the first step, position P + m
/// is the m-th refresh after it. Each sample is made from its own stream (<see cref="BatchSeeds.Sample"/>), so it
/// is the same whichever thread makes it and whenever.
/// </summary>
internal sealed class PoolSampleSource(IDataSource inner, ReplayPoolOptions pool, ulong seed, long firstStep) : IDataSource
{
    /// <summary>How many samples a run of <paramref name="steps"/> steps from the first needs.</summary>
    public long Count(long steps) => steps <= 0 ? 0 : pool.Size + ((steps - 1) * pool.Refresh);

    /// <summary>The sample made at <paramref name="position"/>.</summary>
    public long SampleAt(long position) => position < pool.Size
        ? ReplayPool.SampleAt(pool.Size, pool.Refresh, (int)position, firstStep)
        : pool.Size + ((firstStep + 1) * pool.Refresh) + (position - pool.Size);

    public Batch CreateBatch(int batchSize, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var sample = SampleAt(checked((long)rng.Stream));
        return BatchSeeds.Checked(inner, batchSize, BatchSeeds.Sample(seed, sample), sample);
    }
}
