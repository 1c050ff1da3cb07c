namespace Perrin.Nn.Optimizers;

/// <summary>
/// A learning rate per epoch, as PyTorch's schedulers: <see cref="Rate"/> is the rate of epoch <see cref="Epoch"/>,
/// and <see cref="Step"/> is called once at the end of each epoch. The state round-trips through
/// <see cref="ExportState"/>/<see cref="ImportState"/> exactly, for checkpoints.
/// </summary>
public abstract class LearningRateSchedule
{
    protected LearningRateSchedule(double baseRate)
    {
        if (!(baseRate >= 0) || double.IsInfinity(baseRate))
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, $"{GetType().Name}: the base rate must be finite and non-negative.");
        BaseRate = baseRate;
        Rate = baseRate;
    }

    /// <summary>The rate the schedule starts from.</summary>
    public double BaseRate { get; }

    /// <summary>How many epochs have ended.</summary>
    public int Epoch { get; private set; }

    /// <summary>The rate for the current epoch.</summary>
    public double Rate { get; private set; }

    /// <summary>Ends an epoch. <paramref name="metric"/> is the validation loss, which only a plateau schedule needs.</summary>
    public void Step(double? metric = null)
    {
        Epoch++;
        Rate = Next(Epoch, Rate, metric);
    }

    /// <summary>Sets the optimizer's learning rate to <see cref="Rate"/>.</summary>
    public void Apply(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.LearningRate = Rate;
    }

    /// <summary>The rate of <paramref name="epoch"/>, given the previous one and the metric of the epoch that ended.</summary>
    protected abstract double Next(int epoch, double previous, double? metric);

    /// <summary>The state as numbers: the epoch and rate, then whatever a subclass keeps.</summary>
    public double[] ExportState() => [Epoch, Rate, .. ExtraState()];

    /// <summary>Restores what <see cref="ExportState"/> returned for a schedule of the same kind and settings.</summary>
    public void ImportState(ReadOnlySpan<double> state)
    {
        var extra = ExtraState().Length;
        if (state.Length != 2 + extra)
            throw new InvalidOperationException($"{GetType().Name}: schedule state has {state.Length} numbers, expected {2 + extra}.");
        if (!(state[0] >= 0 && state[0] <= int.MaxValue && Math.Round(state[0]) == state[0]) || !(state[1] >= 0) || double.IsInfinity(state[1]))
            throw new InvalidOperationException($"{GetType().Name}: schedule state (epoch {state[0]}, rate {state[1]}) is invalid.");
        Epoch = (int)state[0];
        Rate = state[1];
        ImportExtraState(state[2..]);
    }

    protected virtual double[] ExtraState() => [];

    protected virtual void ImportExtraState(ReadOnlySpan<double> state)
    {
    }
}
