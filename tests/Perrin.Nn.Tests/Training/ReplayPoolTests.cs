using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

public sealed class ReplayPoolTests
{
    private static List<float[]> Take(ReplayPoolStream stream, int count, bool target = false)
    {
        var batches = new List<float[]>();
        for (var i = 0; i < count; i++)
        {
            using var batch = stream.Next();
            batches.Add((target ? batch.Target : batch.Input).ToArray());
        }

        return batches;
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(4, 3)]
    [InlineData(4, 4)]
    [InlineData(3, 0)]
    [InlineData(1, 1)]
    public void SampleAtFollowsTheRefreshRuleStepByStep(int size, int refresh)
    {
        var slots = Enumerable.Range(0, size).Select(s => (long)s).ToArray();
        for (var t = 0L; t < 25; t++)
        {
            var before = (long[])slots.Clone();
            for (var j = 0; j < refresh; j++) slots[(int)(((t * refresh) + j) % size)] = size + (t * refresh) + j;

            for (var s = 0; s < size; s++) Assert.Equal(slots[s], ReplayPool.SampleAt(size, refresh, s, t));
            var changed = Enumerable.Range(0, size).Where(s => slots[s] != before[s]).ToHashSet();
            var stated = Enumerable.Range(0, refresh).Select(j => (int)(((t * refresh) + j) % size)).ToHashSet();
            Assert.Equal(stated, changed);
        }
    }

    [Fact]
    public void EachBatchDrawsFromExactlyThePoolOfItsStep()
    {
        const int size = 4, refresh = 1;
        using var stream = new ReplayPoolStream(new PatternSource(2, 3), new ReplayPoolOptions(size, refresh, false), 64, 9, 0, 10, workers: 0);
        for (var t = 0L; t < 10; t++)
        {
            using var batch = stream.Next();
            var drawn = batch.Input.ToArray().Select(PatternSource.SampleOf).ToHashSet();
            var pool = Enumerable.Range(0, size).Select(s => ReplayPool.SampleAt(size, refresh, s, t)).ToHashSet();
            Assert.Equal(pool, drawn);
        }
    }

    [Fact]
    public void WorkerCountDoesNotChangeTheBatches()
    {
        var options = new ReplayPoolOptions(6, 2, true);
        List<float[]> Run(int workers, int capacity)
        {
            using var stream = new ReplayPoolStream(new PatternSource(4, 4), options, 5, 21, 0, 12, workers, capacity);
            return Take(stream, 12);
        }

        var reference = Run(0, 1);
        Assert.Equal(reference, Run(1, 1));
        Assert.Equal(reference, Run(3, 2));
        Assert.Equal(reference, Run(4, 16));
    }

    [Fact]
    public void AStreamStartedLaterGivesTheSameBatchesAsTheUninterruptedOne()
    {
        var options = new ReplayPoolOptions(5, 3, true);
        using var whole = new ReplayPoolStream(new PatternSource(4, 4), options, 4, 8, 0, 12, workers: 2);
        var all = Take(whole, 12);
        using var resumed = new ReplayPoolStream(new PatternSource(4, 4), options, 4, 8, 7, 5, workers: 1);

        Assert.Equal(all.Skip(7).ToList(), Take(resumed, 5));
    }

    [Fact]
    public void TransformsAreTheSameOnInputAndTargetAndVary()
    {
        const int side = 4, plane = side * side;
        using var stream = new ReplayPoolStream(new PatternSource(side, side), new ReplayPoolOptions(3, 1, true), 16, 5, 0, 6, workers: 1);
        var seen = new HashSet<int>();
        for (var t = 0; t < 6; t++)
        {
            using var batch = stream.Next();
            var input = batch.Input.ToArray();
            var target = batch.Target.ToArray();
            for (var i = 0; i < 16; i++)
            {
                var image = input.AsSpan(i * plane, plane);
                Assert.Equal(image.ToArray(), target.AsSpan(2 * i * plane, plane).ToArray());
                Assert.Equal(image.ToArray().Select(v => v + 0.5f), target.AsSpan(((2 * i) + 1) * plane, plane).ToArray());
                seen.Add(SymmetryOf(image, side));
            }
        }

        Assert.Equal(DihedralTransform.Count, seen.Count);
    }

    [Theory]
    [InlineData(4, 4, false)]
    [InlineData(4, 3, true)]
    public void SamplesAreUsedAsMadeWhenTargetsDoNotTransformOrImagesAreNotSquare(int width, int height, bool transformTargets)
    {
        using var stream = new ReplayPoolStream(new PatternSource(width, height), new ReplayPoolOptions(3, 1, transformTargets), 8, 5, 0, 4, workers: 1);
        var plane = width * height;
        foreach (var input in Take(stream, 4))
        {
            for (var i = 0; i < 8; i++)
            {
                var first = input[i * plane];
                Assert.Equal(Enumerable.Range(0, plane).Select(k => first + k), input.AsSpan(i * plane, plane).ToArray());
            }
        }
    }

    [Fact]
    public void DihedralTransformsAreTheEightSymmetriesOfTheSquare()
    {
        float[] plane = [0, 1, 2, 3, 4, 5, 6, 7, 8];
        float[] Apply(int d)
        {
            var result = new float[9];
            DihedralTransform.Apply(plane, result, 3, d);
            return result;
        }

        Assert.Equal(plane, Apply(0));
        Assert.Equal([2, 1, 0, 5, 4, 3, 8, 7, 6], Apply(1));
        Assert.Equal([6, 7, 8, 3, 4, 5, 0, 1, 2], Apply(2));
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1, 0], Apply(3));
        Assert.Equal([0, 3, 6, 1, 4, 7, 2, 5, 8], Apply(4));
        Assert.Equal(8, Enumerable.Range(0, 8).Select(d => string.Join(',', Apply(d))).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => DihedralTransform.Apply(plane, new float[9], 3, 8));
    }

    [Fact]
    public void BadOptionsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new ReplayPoolStream(new PatternSource(2, 2), new ReplayPoolOptions(3, 4, false), 2, 0, 0, 1));
        Assert.Throws<ArgumentException>(() => new ReplayPoolStream(new PatternSource(2, 2), new ReplayPoolOptions(0, 0, false), 2, 0, 0, 1));
    }

    /// <summary>Which transform of its untouched sample the image is (the sample's pixels run 0 … plane − 1 above its base).</summary>
    private static int SymmetryOf(ReadOnlySpan<float> image, int side)
    {
        var plane = side * side;
        var low = float.MaxValue;
        foreach (var v in image) low = Math.Min(low, v);
        var original = Enumerable.Range(0, plane).Select(k => low + k).ToArray();
        var candidate = new float[plane];
        for (var d = 0; d < DihedralTransform.Count; d++)
        {
            DihedralTransform.Apply(original, candidate, side, d);
            if (candidate.AsSpan().SequenceEqual(image)) return d;
        }

        throw new InvalidOperationException("the image is no symmetry of a sample");
    }
}
