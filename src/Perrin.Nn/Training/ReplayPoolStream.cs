using Perrin.Nn.Tensors;

namespace Perrin.Nn.Training;

/// <summary>
/// Training batches drawn from a replay pool of P samples, for data that costs more to make than a step (the idea
/// of DeepTrack's ContinuousGenerator, made deterministic). Before step t the pool's refresh replaces R samples
/// (<see cref="ReplayPool"/>); batch t then takes B slots drawn from its own stream, each with a random
/// <see cref="DihedralTransform"/> when the options allow. Samples are made ahead of need on background workers;
/// the batches depend on the seed and the step alone, so any worker count, and a stream started at a later step
/// (a resumed run), give the same batches.
/// </summary>
public sealed class ReplayPoolStream : IBatchStream
{
    private readonly ReplayPoolOptions _pool;
    private readonly int _batchSize;
    private readonly ulong _seed;
    private readonly long _end;
    private readonly Batch?[] _slots;
    private readonly IBatchStream _samples;
    private long _next;
    private bool _filled;

    /// <param name="source">Makes the samples (as batches of one).</param>
    /// <param name="pool">Pool size, refresh and whether targets transform with the image.</param>
    /// <param name="batchSize">Samples per batch, B.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="firstStep">The step of the first batch (the global step when resuming).</param>
    /// <param name="steps">How many batches will be taken.</param>
    /// <param name="workers">Background threads making samples (0: on the caller's thread).</param>
    /// <param name="capacity">Samples made ahead at most.</param>
    public ReplayPoolStream(IDataSource source, ReplayPoolOptions pool, int batchSize, ulong seed, long firstStep, long steps, int workers = 1, int capacity = 16)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(pool);
        pool.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        _pool = pool;
        _batchSize = batchSize;
        _seed = seed;
        _next = firstStep;
        _end = checked(firstStep + steps);
        _slots = new Batch?[pool.Size];
        var samples = new PoolSampleSource(source, pool, seed, firstStep);
        _samples = workers > 0
            ? new BufferedDataSource(samples, 1, seed, 0, samples.Count(steps), Math.Max(capacity, workers), workers)
            : new SequentialBatchStream(samples, 1, seed);
    }

    public Batch Next()
    {
        if (_next >= _end) throw new InvalidOperationException($"ReplayPoolStream: the batches up to step {_end} were all taken.");
        if (!_filled)
        {
            for (var s = 0; s < _slots.Length; s++) _slots[s] = _samples.Next();
            _filled = true;
        }
        else
        {
            for (var j = 0; j < _pool.Refresh; j++)
            {
                var (slot, _) = ReplayPool.Replacement(_pool.Size, (_next * _pool.Refresh) + j);
                _slots[slot]!.Dispose();
                _slots[slot] = _samples.Next();
            }
        }

        return Draw(_next++);
    }

    private Batch Draw(long step)
    {
        var rng = BatchSeeds.Training(_seed, step);
        var first = _slots[0]!;
        var input = Tensor.Empty([_batchSize, .. first.Input.Shape[1..]]);
        var target = Tensor.Empty([_batchSize, .. first.Target.Shape[1..]]);
        var transform = _pool.TransformTargets && IsSquare(first.Input) && IsSquare(first.Target);
        int inputLength = first.Input.Length, targetLength = first.Target.Length;
        for (var i = 0; i < _batchSize; i++)
        {
            var sample = _slots[rng.NextInt(_slots.Length)]!;
            var symmetry = rng.NextInt(DihedralTransform.Count);
            if (sample.Input.Length != inputLength || sample.Target.Length != targetLength)
            {
                input.Dispose();
                target.Dispose();
                throw new InvalidOperationException($"ReplayPoolStream: the pool's samples differ in shape ({ShapeText.Format(first.Input.Shape)} and {ShapeText.Format(sample.Input.Shape)}).");
            }

            Copy(sample.Input, input.Span.Slice(i * inputLength, inputLength), transform ? symmetry : 0);
            Copy(sample.Target, target.Span.Slice(i * targetLength, targetLength), transform ? symmetry : 0);
        }

        return new Batch(input, target);
    }

    private static bool IsSquare(Tensor t) => t.Rank >= 3 && t.Shape[^1] == t.Shape[^2];

    private static void Copy(Tensor sample, Span<float> destination, int symmetry)
    {
        if (symmetry == 0)
        {
            sample.Span.CopyTo(destination);
            return;
        }

        var side = sample.Shape[^1];
        var plane = side * side;
        for (var offset = 0; offset < destination.Length; offset += plane)
            DihedralTransform.Apply(sample.Span.Slice(offset, plane), destination.Slice(offset, plane), side, symmetry);
    }

    public void Dispose()
    {
        _samples.Dispose();
        for (var s = 0; s < _slots.Length; s++)
        {
            _slots[s]?.Dispose();
            _slots[s] = null;
        }
    }
}
