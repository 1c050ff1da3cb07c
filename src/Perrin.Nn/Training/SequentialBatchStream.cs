namespace Perrin.Nn.Training;

/// <summary>Makes training batches on the caller's thread, one per <see cref="Next"/>, from index <c>firstIndex</c> on.</summary>
public sealed class SequentialBatchStream(IDataSource source, int batchSize, ulong seed, long firstIndex = 0) : IBatchStream
{
    private long _next = firstIndex;

    public Batch Next() => BatchSeeds.TrainingBatch(source, batchSize, seed, _next++);

    public void Dispose()
    {
    }
}
