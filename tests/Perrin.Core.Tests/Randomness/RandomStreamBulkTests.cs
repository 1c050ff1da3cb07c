using Perrin.Core.Randomness;

namespace Perrin.Core.Tests.Randomness;

public sealed class RandomStreamBulkTests
{
    [Fact]
    public void BulkWordsAreTheWordsOfSingleDrawsWhereverTheBufferStands()
    {
        var pattern = new Random(31);
        for (var trial = 0; trial < 40; trial++)
        {
            var single = new RandomStream(99, (ulong)trial, 5);
            var bulk = new RandomStream(99, (ulong)trial, 5);
            for (var piece = 0; piece < 6; piece++)
            {
                var length = pattern.Next(0, 300);
                var expected = Enumerable.Range(0, length).Select(_ => single.NextUInt32()).ToArray();
                var drawn = new uint[length];
                bulk.NextUInt32(drawn);
                Assert.Equal(expected, drawn);

                var skip = pattern.Next(0, 5);
                for (var i = 0; i < skip; i++)
                {
                    Assert.Equal(single.NextUInt32(), bulk.NextUInt32());
                }
            }
        }
    }

    [Fact]
    public void BulkUniformsAreTheValuesOfSingleDraws()
    {
        var single = new RandomStream(3, 4);
        var bulk = new RandomStream(3, 4);
        _ = single.NextUInt32();
        _ = bulk.NextUInt32();
        foreach (var length in new[] { 1, 7, 256, 257, 1000 })
        {
            var expected = Enumerable.Range(0, length).Select(_ => single.NextDouble()).ToArray();
            var drawn = new double[length];
            bulk.NextDouble(drawn);
            Assert.Equal(expected, drawn);
        }
    }

    [Fact]
    public void BulkNormalsAreTheValuesOfSingleDrawsIncludingTheSpare()
    {
        var single = new RandomStream(8, 1);
        var bulk = new RandomStream(8, 1);
        foreach (var length in new[] { 3, 1, 4, 255, 600, 2, 0, 5 })
        {
            var expected = Enumerable.Range(0, length).Select(_ => single.Normal()).ToArray();
            var drawn = new double[length];
            bulk.Normal(drawn);
            Assert.Equal(expected, drawn);
        }

        Assert.Equal(single.Normal(), bulk.Normal());
        Assert.Equal(single.NextUInt32(), bulk.NextUInt32());
    }
}
