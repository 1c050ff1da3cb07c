using System.Runtime.ExceptionServices;

namespace Perrin.Nn.Training;

/// <summary>
/// Makes training batches on background threads into a bounded buffer while the caller trains. Workers claim
/// indices in increasing order and never run more than <c>capacity</c> batches ahead of the consumer; each batch
/// comes from its own stream, so <see cref="Next"/> returns exactly what <see cref="SequentialBatchStream"/> would,
/// in the same order. A failure making batch k is thrown when batch k is taken.
/// </summary>
public sealed class BufferedDataSource : IBatchStream
{
    private readonly IDataSource _source;
    private readonly int _batchSize;
    private readonly ulong _seed;
    private readonly long _first;
    private readonly long _end;
    private readonly int _capacity;
    private readonly object _gate = new();
    private readonly Batch?[] _ready;
    private readonly ExceptionDispatchInfo?[] _failed;
    private readonly Thread[] _workers;
    private long _claimed;
    private long _consumed;
    private bool _stopping;

    /// <param name="source">Where batches come from.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="seed">The training seed (see <see cref="BatchSeeds"/>).</param>
    /// <param name="firstIndex">The index of the first batch (the global step when resuming).</param>
    /// <param name="count">How many batches to make.</param>
    /// <param name="capacity">Batches made ahead at most.</param>
    /// <param name="workers">Background threads.</param>
    public BufferedDataSource(IDataSource source, int batchSize, ulong seed, long firstIndex, long count, int capacity = 4, int workers = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _source = source;
        _batchSize = batchSize;
        _seed = seed;
        _first = firstIndex;
        _end = checked(firstIndex + count);
        _capacity = capacity;
        _ready = new Batch?[capacity];
        _failed = new ExceptionDispatchInfo?[capacity];
        _claimed = firstIndex;
        _consumed = firstIndex;
        _workers = new Thread[Math.Min(workers, capacity)];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"perrin-data-{i}" };
            _workers[i].Start();
        }
    }

    /// <summary>The batches made so far and not yet taken.</summary>
    public int Buffered
    {
        get
        {
            lock (_gate)
            {
                var n = 0;
                foreach (var b in _ready) if (b is not null) n++;
                return n;
            }
        }
    }

    public Batch Next()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            if (_consumed >= _end)
                throw new InvalidOperationException($"BufferedDataSource: all {_end - _first} batches from index {_first} were taken.");
            var slot = (int)(_consumed % _capacity);
            while (_ready[slot] is null && _failed[slot] is null) Monitor.Wait(_gate);
            var batch = _ready[slot];
            var failure = _failed[slot];
            _ready[slot] = null;
            _failed[slot] = null;
            _consumed++;
            Monitor.PulseAll(_gate);
            failure?.Throw();
            return batch!;
        }
    }

    private void Work()
    {
        while (true)
        {
            long index;
            lock (_gate)
            {
                while (!_stopping && _claimed < _end && _claimed >= _consumed + _capacity) Monitor.Wait(_gate);
                if (_stopping || _claimed >= _end) return;
                index = _claimed++;
            }
            Batch? batch = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                batch = BatchSeeds.TrainingBatch(_source, _batchSize, _seed, index);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            lock (_gate)
            {
                if (_stopping)
                {
                    batch?.Dispose();
                    return;
                }
                var slot = (int)(index % _capacity);
                _ready[slot] = batch;
                _failed[slot] = failure;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Stops the workers, waits for them and frees the batches not taken.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping) return;
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var w in _workers) w.Join();
        for (var i = 0; i < _capacity; i++)
        {
            _ready[i]?.Dispose();
            _ready[i] = null;
        }
    }
}
