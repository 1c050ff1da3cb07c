using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Perrin.Nn.Backends;
using Perrin.Nn.Layers;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Training;

/// <summary>
/// Trains a model: each step zero-grad → forward → loss → backward → clip → optimizer step, then the step's graph
/// goes back to the pool. After each epoch the validation loss is measured, the schedule steps, a checkpoint and the
/// metrics row are written, and early stopping is decided. For a fixed seed and thread count the run, and a run
/// resumed from any of its checkpoints, produce bit-identical parameters.
/// </summary>
public sealed class Trainer
{
    private readonly Module _model;
    private readonly Optimizer _optimizer;
    private readonly Func<Tensor, Tensor, Tensor> _loss;
    private readonly IDataSource _source;
    private readonly TrainerOptions _options;
    private readonly LearningRateSchedule? _schedule;
    private readonly double _baseRate;
    private TrainerState _state = TrainerState.Start;
    private MetricsLog? _metrics;

    /// <param name="model">The network; its parameters must be the optimizer's.</param>
    /// <param name="optimizer">Updates the parameters.</param>
    /// <param name="loss">loss(output, target) → a scalar tensor.</param>
    /// <param name="source">The training and validation data.</param>
    /// <param name="options">Epochs, batches, seed, clipping, early stopping, files.</param>
    /// <param name="schedule">Sets the learning rate per epoch (null: the optimizer's stays).</param>
    public Trainer(Module model, Optimizer optimizer, Func<Tensor, Tensor, Tensor> loss, IDataSource source, TrainerOptions options,
        LearningRateSchedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _model = model;
        _optimizer = optimizer;
        _loss = loss;
        _source = source;
        _options = options;
        _schedule = schedule;
        _baseRate = optimizer.LearningRate;
    }

    /// <summary>Completed epochs.</summary>
    public int Epoch => _state.Epoch;

    /// <summary>Completed steps.</summary>
    public long Step => _state.Step;

    /// <summary>Restores model, optimizer, schedule and counters from a checkpoint; <see cref="Run"/> then continues from it.</summary>
    public void Resume(string checkpointPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpointPath);
        _state = Checkpoint.Load(checkpointPath, _model, _optimizer, _schedule, _options);
        if (_options.MetricsPath is { } m) _metrics = MetricsLog.Resume(m, _state.Epoch);
    }

    /// <summary>Trains until the last epoch, early stopping, a non-finite loss or gradient, or cancellation.</summary>
    public TrainingResult Run(CancellationToken cancellation = default)
    {
        var previousBackend = Backend.Current;
        Backend.UseCpu(_options.Threads);
        try
        {
            return RunEpochs(cancellation);
        }
        finally
        {
            Backend.Current = previousBackend;
        }
    }

    private TrainingResult RunEpochs(CancellationToken cancellation)
    {
        var o = _options;
        if (o.MetricsPath is { } path) _metrics ??= MetricsLog.Create(path);
        using var validation = o.ValidationBatches > 0 ? ValidationSet.Draw(_source, o.ValidationBatches, o.BatchSize, o.Seed) : null;
        var totalSteps = (long)o.Epochs * o.StepsPerEpoch;
        var firstStep = _state.Step;
        using var stream = BatchStream(firstStep, Math.Max(0, totalSteps - firstStep));
        var clock = Stopwatch.StartNew();
        _model.Train();
        for (var epoch = _state.Epoch; epoch < o.Epochs; epoch++)
        {
            _schedule?.Apply(_optimizer);
            var epochRate = _schedule?.Rate ?? _baseRate;
            var epochStart = clock.Elapsed;
            double sum = 0;
            for (var s = 0; s < o.StepsPerEpoch; s++)
            {
                if (cancellation.IsCancellationRequested)
                    return End(TrainingOutcome.Cancelled, $"cancelled during epoch {epoch + 1}; {LastGood()}");
                var step = _state.Step + 1;
                if (o.WarmupSteps > 0) _optimizer.LearningRate = epochRate * Math.Min(1.0, (double)step / o.WarmupSteps);
                var (loss, problem) = TrainStep(stream);
                if (problem is not null)
                    return End(TrainingOutcome.Diverged, $"training diverged at step {step} (epoch {epoch + 1}, step {s + 1} of {o.StepsPerEpoch}): {problem}; {LastGood()}");
                sum += loss;
                _state = _state with { Step = step };
                Report(epoch, step, totalSteps, firstStep, loss, clock.Elapsed);
            }
            var trainLoss = sum / o.StepsPerEpoch;
            var validationLoss = validation?.Evaluate(_model, _loss) ?? double.NaN;
            var monitored = validation is null ? trainLoss : validationLoss;
            if (!double.IsFinite(monitored))
                return End(TrainingOutcome.Diverged, $"training diverged after epoch {epoch + 1}: the {(validation is null ? "training" : "validation")} loss is {Text(monitored)}; {LastGood()}");
            var rate = _optimizer.LearningRate;
            var improved = monitored < _state.BestLoss - o.EarlyStoppingMinDelta;
            _state = _state with
            {
                Epoch = epoch + 1,
                BestLoss = improved ? monitored : _state.BestLoss,
                EpochsWithoutImprovement = improved ? 0 : _state.EpochsWithoutImprovement + 1,
            };
            _schedule?.Step(monitored);
            if (o.CheckpointPath is { } checkpoint) Checkpoint.Save(checkpoint, _model, _optimizer, _schedule, _state, o);
            var metrics = new EpochMetrics(epoch + 1, _state.Step, trainLoss, validationLoss, rate, (clock.Elapsed - epochStart).TotalSeconds);
            _metrics?.Add(metrics);
            o.EpochEnded?.Invoke(metrics);
            if (o.EarlyStoppingPatience is { } patience && _state.EpochsWithoutImprovement >= patience)
                return End(TrainingOutcome.EarlyStopped, $"stopped early after epoch {epoch + 1}: no improvement on {Text(_state.BestLoss)} for {patience} epochs");
        }
        return End(TrainingOutcome.Completed, $"completed {_state.Epoch} epochs ({_state.Step} steps); best loss {Text(_state.BestLoss)}");
    }

    private IBatchStream BatchStream(long firstStep, long steps)
    {
        var o = _options;
        if (o.Pool is { } pool)
            return new ReplayPoolStream(_source, pool, o.BatchSize, o.Seed, firstStep, steps, o.DataWorkers, Math.Max(o.BufferCapacity * Math.Max(1, pool.Refresh), 2 * o.DataWorkers));
        return o.DataWorkers > 0
            ? new BufferedDataSource(_source, o.BatchSize, o.Seed, firstStep, steps, o.BufferCapacity, o.DataWorkers)
            : new SequentialBatchStream(_source, o.BatchSize, o.Seed, firstStep);
    }

    /// <summary>One optimizer step; returns the loss, or what was not finite (and then leaves the parameters untouched).</summary>
    private (float Loss, string? Problem) TrainStep(IBatchStream stream)
    {
        using var batch = stream.Next();
        _optimizer.ZeroGrad();
        var output = _model.Forward(batch.Input);
        var loss = _loss(output, batch.Target);
        try
        {
            var value = loss.Item();
            if (!float.IsFinite(value)) return (value, $"the loss is {Text(value)}");
            loss.Backward();
            foreach (var (name, p) in _optimizer.Parameters)
            {
                if (p.Grad is not { IsDisposed: false } g) continue;
                var bad = FirstNonFinite(g.Span);
                if (bad >= 0) return (value, $"the gradient of '{name}' is {Text(g.Span[bad])} at element {bad}");
            }
            if (_options.ClipValue is { } clip) GradientClipping.ClipByValue(Gradients(), clip);
            if (_options.ClipNorm is { } norm) GradientClipping.ClipByNorm(Gradients(), norm);
            _optimizer.Step();
            return (value, null);
        }
        finally
        {
            loss.DisposeGraph();
            output.Dispose();
        }
    }

    private IEnumerable<Tensor> Gradients()
    {
        foreach (var (_, p) in _optimizer.Parameters) yield return p;
    }

    /// <summary>The index of the first NaN or infinity, or −1; x − x is 0 exactly for finite x.</summary>
    internal static int FirstNonFinite(ReadOnlySpan<float> values)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; i <= values.Length - width; i += width)
            {
                var v = new Vector<float>(values.Slice(i, width));
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero)) break;
            }
        }
        for (; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    private void Report(int epoch, long step, long total, long firstStep, float loss, TimeSpan elapsed)
    {
        if (_options.Progress is not { } progress) return;
        var done = step - firstStep;
        var remaining = TimeSpan.FromTicks((long)(elapsed.Ticks / (double)done * (total - step)));
        progress.Report(new TrainingProgress(epoch + 1, step, total, loss, elapsed, remaining));
    }

    private string LastGood() => _options.CheckpointPath is { } path
        ? _state.Epoch > 0 ? $"the last good checkpoint ({_state.Epoch} epochs) is kept in {path}" : "no epoch completed, so no checkpoint was written"
        : "no checkpoint path was set";

    private TrainingResult End(TrainingOutcome outcome, string message) => new(outcome, _state.Epoch, _state.Step, _state.BestLoss, message);

    private static string Text(double v) => v.ToString("G7", CultureInfo.InvariantCulture);
}
