using Perrin.Core.Randomness;

namespace Perrin.Nn.Training;

/// <summary>
/// Makes training data, for instance by simulation. A batch must be a pure function of the stream it is given
/// (its seed, stream index and purpose) and the batch size: batch k is then the same whether it is made first or
/// last, on one thread or several. Several batches may be made at once on different threads, each with its own
/// stream, so an implementation keeps no mutable state between calls (or guards it).
/// </summary>
public interface IDataSource
{
    /// <summary>A batch of <paramref name="batchSize"/> samples drawn from <paramref name="rng"/> alone.</summary>
    Batch CreateBatch(int batchSize, RandomStream rng);
}
