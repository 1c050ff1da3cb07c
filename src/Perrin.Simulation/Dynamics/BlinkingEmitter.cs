using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// One fluorophore following a <see cref="PhotophysicsModel"/> in continuous time (Gillespie's method), so that
/// besides the state at each frame it knows how long it was On during the exposure. The dwell left over at the end
/// of a frame is drawn afresh in the next one, which is exact because dwell times are memoryless.
/// </summary>
public sealed class BlinkingEmitter
{
    public BlinkingEmitter(PhotophysicsModel model, int initialState)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(initialState);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(initialState, model.StateCount);
        Model = model;
        State = initialState;
    }

    public PhotophysicsModel Model { get; }

    /// <summary>The state at the start of the current frame.</summary>
    public int State { get; private set; }

    public bool IsBleached => Model.Kind(State) == EmitterStateKind.Bleached;

    /// <summary>
    /// Runs the fluorophore through one frame of <paramref name="frameIntervalS"/> whose exposure covers its first
    /// <paramref name="exposureS"/> seconds, and returns the fraction of the exposure spent On.
    /// </summary>
    public double AdvanceFrame(double frameIntervalS, double exposureS, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(frameIntervalS > 0) || double.IsInfinity(frameIntervalS) || !(exposureS > 0) || exposureS > frameIntervalS)
        {
            throw new ArgumentOutOfRangeException(nameof(exposureS), $"need 0 < exposure ≤ frame interval, not {exposureS} s and {frameIntervalS} s");
        }

        var exitRates = Model.ExitRates;
        // Jumps in a frame are at most Poisson with mean maxRate·interval; this bound is never reached in practice.
        var maxJumps = 1024 + (long)(16 * PhotophysicsModel.MaxRatePerS * frameIntervalS);
        var state = State;
        var time = 0.0;
        var onTime = 0.0;
        for (long jump = 0; jump <= maxJumps; jump++)
        {
            var rate = exitRates[state];
            var end = rate > 0 ? time + random.Exponential(rate) : double.PositiveInfinity;
            if (Model.IsOn(state))
            {
                onTime += Math.Max(0, Math.Min(end, exposureS) - time);
            }

            if (end >= frameIntervalS)
            {
                State = state;
                return onTime / exposureS;
            }

            time = end;
            state = NextState(state, random);
        }

        throw new InvalidOperationException($"more than {maxJumps} photophysical transitions in one frame");
    }

    private int NextState(int state, RandomStream random)
    {
        var row = Model.JumpCumulative[state];
        var u = random.NextDouble();
        for (var j = 0; j < row.Length - 1; j++)
        {
            if (u < row[j])
            {
                return j;
            }
        }

        // Rounding can leave the last cumulative entry a few ulps below 1; the last target with a rate takes it.
        for (var j = row.Length - 1; j >= 0; j--)
        {
            if (j != state && (j == 0 ? row[j] : row[j] - row[j - 1]) > 0)
            {
                return j;
            }
        }

        return state;
    }
}
