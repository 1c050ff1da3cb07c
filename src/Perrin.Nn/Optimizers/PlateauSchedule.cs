namespace Perrin.Nn.Optimizers;

/// <summary>
/// ReduceLROnPlateau (mode "min", relative threshold): when the metric has not fallen below best·(1 − threshold)
/// for more than <c>patience</c> epochs, the rate is multiplied by <c>factor</c> (not below <c>minRate</c>), then
/// <c>cooldown</c> epochs pass before bad epochs count again.
/// </summary>
public sealed class PlateauSchedule : LearningRateSchedule
{
    private const double NegligibleChange = 1e-8;
    private readonly double _factor;
    private readonly int _patience;
    private readonly double _threshold;
    private readonly int _cooldown;
    private readonly double _minRate;
    private double _best = double.PositiveInfinity;
    private int _badEpochs;
    private int _cooldownLeft;

    public PlateauSchedule(double baseRate, double factor = 0.1, int patience = 10, double threshold = 1e-4, int cooldown = 0, double minRate = 0)
        : base(baseRate)
    {
        if (!(factor > 0 && factor < 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "PlateauSchedule: the factor must be in (0, 1).");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(threshold >= 0 && threshold < 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "PlateauSchedule: the threshold must be in [0, 1).");
        if (!(minRate >= 0)) throw new ArgumentOutOfRangeException(nameof(minRate), minRate, "PlateauSchedule: the minimum rate must be non-negative.");
        _factor = factor;
        _patience = patience;
        _threshold = threshold;
        _cooldown = cooldown;
        _minRate = minRate;
    }

    protected override double Next(int epoch, double previous, double? metric)
    {
        if (metric is not { } m) throw new InvalidOperationException("PlateauSchedule: Step needs the validation loss of the epoch that ended.");
        if (m < _best * (1 - _threshold))
        {
            _best = m;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        if (_badEpochs <= _patience) return previous;
        _cooldownLeft = _cooldown;
        _badEpochs = 0;
        var reduced = Math.Max(previous * _factor, _minRate);
        return previous - reduced > NegligibleChange ? reduced : previous;
    }

    protected override double[] ExtraState() => [_best, _badEpochs, _cooldownLeft];

    protected override void ImportExtraState(ReadOnlySpan<double> state)
    {
        if (double.IsNaN(state[0]) || !(state[1] >= 0 && state[1] <= int.MaxValue) || !(state[2] >= 0 && state[2] <= int.MaxValue))
            throw new InvalidOperationException("PlateauSchedule: schedule state is invalid.");
        _best = state[0];
        _badEpochs = (int)state[1];
        _cooldownLeft = (int)state[2];
    }
}
