using System.Globalization;
using Perrin.Core.IO;
using Perrin.Nn.Layers;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Training;

/// <summary>
/// A training checkpoint as one safetensors file, written atomically: the model's state dict under "model.",
/// the optimizer's state under "optimizer.", the schedule state and the trainer's counters as int64 (doubles by
/// their bits, so they come back exactly), and the kinds and data settings in the metadata, checked on load.
/// </summary>
internal static class Checkpoint
{
    private const string VersionKey = "perrin.checkpoint.version";
    private const string OptimizerKey = "perrin.checkpoint.optimizer";
    private const string ScheduleKey = "perrin.checkpoint.schedule";
    private const string PoolKey = "perrin.checkpoint.pool";
    private const string Version = "1";
    private const string ModelPrefix = "model.";
    private const string OptimizerPrefix = "optimizer.";
    private const string TrainerTensor = "trainer";
    private const string ScheduleTensor = "schedule";
    private const int TrainerFields = 7;

    public static void Save(string path, Module model, Optimizer optimizer, LearningRateSchedule? schedule, TrainerState state, TrainerOptions options)
    {
        var w = new SafeTensorsWriter();
        foreach (var (name, t) in model.StateDict()) w.Add(new NamedArray(ModelPrefix + name, t.ShapeArray(), t.ToArray()));
        foreach (var (name, values) in optimizer.StateDict()) w.Add(new NamedArray(OptimizerPrefix + name, [values.Length], values));
        long[] trainer = [state.Epoch, state.Step, BitConverter.DoubleToInt64Bits(state.BestLoss), state.EpochsWithoutImprovement,
            unchecked((long)options.Seed), options.BatchSize, options.StepsPerEpoch];
        w.Add(new NamedInt64Array(TrainerTensor, [trainer.Length], trainer));
        if (schedule is not null)
        {
            var s = schedule.ExportState();
            var bits = new long[s.Length];
            for (var i = 0; i < s.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(s[i]);
            w.Add(new NamedInt64Array(ScheduleTensor, [bits.Length], bits));
            w.AddMetadata(ScheduleKey, schedule.GetType().Name);
        }
        if (options.Pool is { } pool) w.AddMetadata(PoolKey, pool.ToString());
        w.AddMetadata(VersionKey, Version);
        w.AddMetadata(OptimizerKey, optimizer.GetType().Name);
        w.Save(path);
    }

    /// <summary>Checks the whole file against the model, optimizer, schedule and options, then restores them.</summary>
    public static TrainerState Load(string path, Module model, Optimizer optimizer, LearningRateSchedule? schedule, TrainerOptions options)
    {
        using var r = SafeTensorsReader.Open(path);
        Expect(path, r, VersionKey, Version, "checkpoint format version");
        Expect(path, r, OptimizerKey, optimizer.GetType().Name, "optimizer");
        Expect(path, r, ScheduleKey, schedule?.GetType().Name, "learning-rate schedule");
        Expect(path, r, PoolKey, options.Pool?.ToString(), "replay pool (size, refresh, transforms)");

        var trainer = r.ReadInt64(TrainerTensor).Data;
        if (trainer.Length != TrainerFields) throw Bad(path, $"'{TrainerTensor}' has {trainer.Length} values, expected {TrainerFields}");
        var state = new TrainerState((int)Math.Clamp(trainer[0], -1, int.MaxValue), trainer[1], BitConverter.Int64BitsToDouble(trainer[2]),
            (int)Math.Clamp(trainer[3], -1, int.MaxValue));
        if (state.Epoch < 0 || state.EpochsWithoutImprovement < 0 || double.IsNaN(state.BestLoss) || state.Step != (long)state.Epoch * trainer[6])
            throw Bad(path, $"the trainer counters (epoch {trainer[0]}, step {trainer[1]}) are inconsistent");
        if (unchecked((ulong)trainer[4]) != options.Seed || trainer[5] != options.BatchSize || trainer[6] != options.StepsPerEpoch)
            throw new InvalidOperationException($"{path}: the checkpoint was trained with seed {unchecked((ulong)trainer[4])}, batch size {trainer[5]} and " +
                $"{trainer[6]} steps per epoch; these options give {options.Seed}, {options.BatchSize} and {options.StepsPerEpoch}, so the data would not continue.");

        var modelState = ReadModel(path, r, model);
        var optimizerState = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var info in r.Tensors)
            if (info.Name.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
                optimizerState[info.Name[OptimizerPrefix.Length..]] = r.ReadFloat32(info.Name).Data;
        double[]? scheduleState = null;
        if (schedule is not null)
        {
            var bits = r.ReadInt64(ScheduleTensor).Data;
            scheduleState = new double[bits.Length];
            for (var i = 0; i < bits.Length; i++) scheduleState[i] = BitConverter.Int64BitsToDouble(bits[i]);
        }

        optimizer.LoadStateDict(optimizerState);
        schedule?.ImportState(scheduleState);
        model.LoadStateDict(modelState);
        return state;
    }

    private static Dictionary<string, float[]> ReadModel(string path, SafeTensorsReader r, Module model)
    {
        var expected = model.StateDict();
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var info in r.Tensors)
        {
            if (!info.Name.StartsWith(ModelPrefix, StringComparison.Ordinal)) continue;
            var name = info.Name[ModelPrefix.Length..];
            if (!expected.TryGetValue(name, out var t))
                throw new InvalidOperationException($"{path}: the checkpoint holds tensor '{name}', which model {model.GetType().Name} does not have.");
            if (!info.Shape.AsSpan().SequenceEqual(t.Shape))
                throw new InvalidOperationException($"{path}: tensor '{name}' has shape {ShapeText.Format(info.Shape)} in the checkpoint, the model expects {ShapeText.Format(t.Shape)}.");
            values[name] = r.ReadFloat32(info.Name).Data;
        }
        foreach (var name in expected.Keys)
            if (!values.ContainsKey(name)) throw new InvalidOperationException($"{path}: model tensor '{name}' is missing from the checkpoint.");
        return values;
    }

    private static void Expect(string path, SafeTensorsReader r, string key, string? expected, string what)
    {
        var found = r.Metadata.GetValueOrDefault(key);
        if (found != expected)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: the checkpoint's {what} is {found ?? "absent"}, this trainer's is {expected ?? "absent"}."));
    }

    private static PerrinFormatException Bad(string path, string problem) => new(path, null, problem);
}
