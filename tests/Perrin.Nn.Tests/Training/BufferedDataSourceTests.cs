using Perrin.Core.Randomness;
using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

public class BufferedDataSourceTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(5, 4)]
    public void SameBatchesInTheSameOrderAsSequential(int capacity, int workers)
    {
        var source = new RegressionSource();
        using var sequential = new SequentialBatchStream(source, 6, 21, firstIndex: 4);
        using var buffered = new BufferedDataSource(source, 6, 21, firstIndex: 4, count: 25, capacity, workers);
        for (var k = 0; k < 25; k++)
        {
            using var a = sequential.Next();
            using var b = buffered.Next();
            Assert.Equal(a.Input.ToArray(), b.Input.ToArray());
            Assert.Equal(a.Target.ToArray(), b.Target.ToArray());
        }
        Assert.Throws<InvalidOperationException>(() => buffered.Next());
    }

    [Fact]
    public void AFailureSurfacesAtItsOwnBatch()
    {
        using var buffered = new BufferedDataSource(new Failing(), 2, 1, 0, 5, capacity: 3, workers: 2);
        buffered.Next().Dispose();
        buffered.Next().Dispose();
        Assert.Equal("batch 2", Assert.Throws<InvalidDataException>(() => buffered.Next()).Message);
        buffered.Next().Dispose();
    }

    [Fact]
    public void WrongBatchSizeIsReported()
    {
        using var stream = new SequentialBatchStream(new RegressionSourceOfSize(3), 4, 1);
        Assert.Contains("3 samples", Assert.Throws<InvalidOperationException>(() => stream.Next()).Message);
    }

    private sealed class Failing : IDataSource
    {
        public Batch CreateBatch(int batchSize, RandomStream rng) =>
            rng.Stream == 2 ? throw new InvalidDataException("batch 2") : new RegressionSource().CreateBatch(batchSize, rng);
    }

    private sealed class RegressionSourceOfSize(int size) : IDataSource
    {
        public Batch CreateBatch(int batchSize, RandomStream rng) => new RegressionSource().CreateBatch(size, rng);
    }
}
