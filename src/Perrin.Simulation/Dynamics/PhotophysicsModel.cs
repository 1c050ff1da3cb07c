using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// A continuous-time Markov model of a fluorophore's photophysics, as in SMLM simulators: emitting states, dark
/// states it returns from, and bleached states it never leaves, joined by transitions at constant rates (1/s).
/// </summary>
public sealed class PhotophysicsModel
{
    /// <summary>
    /// The fastest total rate out of a state. Faster switching only shows as an average in any camera, and it
    /// bounds the work of the exact in-frame simulation.
    /// </summary>
    public const double MaxRatePerS = 1e8;

    private readonly EmitterStateKind[] _kinds;
    private readonly double[,] _rates;

    public PhotophysicsModel(IReadOnlyList<EmitterStateKind> states, IEnumerable<StateTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(transitions);
        if (states.Count is < 1 or > 64)
        {
            throw new ArgumentException($"a photophysics model has 1 to 64 states, not {states.Count}", nameof(states));
        }

        _kinds = [.. states];
        FirstOnState = Array.IndexOf(_kinds, EmitterStateKind.On);
        if (FirstOnState < 0)
        {
            throw new ArgumentException("a photophysics model needs at least one On state", nameof(states));
        }

        var n = _kinds.Length;
        _rates = new double[n, n];
        foreach (var t in transitions)
        {
            CheckTransition(t, n);
            _rates[t.From, t.To] += t.RatePerS;
        }

        ExitRates = new double[n];
        JumpCumulative = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var exit = 0.0;
            for (var j = 0; j < n; j++)
            {
                exit += _rates[i, j];
            }

            if (exit > MaxRatePerS)
            {
                throw new ArgumentException($"state {i} is left at {exit} /s in all, more than the {MaxRatePerS} /s this model supports", nameof(transitions));
            }

            ExitRates[i] = exit;
            JumpCumulative[i] = new double[n];
            var cumulative = 0.0;
            for (var j = 0; j < n; j++)
            {
                cumulative += exit > 0 ? _rates[i, j] / exit : 0;
                JumpCumulative[i][j] = cumulative;
            }
        }
    }

    public int StateCount => _kinds.Length;

    /// <summary>The state that "all On" starts in.</summary>
    public int FirstOnState { get; }

    /// <summary>Total rate of leaving each state (1/s).</summary>
    internal double[] ExitRates { get; }

    /// <summary>Per state, the cumulative probabilities of where a jump out of it goes.</summary>
    internal double[][] JumpCumulative { get; }

    /// <summary>A fluorophore that blinks between On and Off with the given mean dwell times and never bleaches.</summary>
    public static PhotophysicsModel OnOff(double onLifetimeS, double offLifetimeS)
        => new([EmitterStateKind.On, EmitterStateKind.Dark], [StateTransition.FromLifetime(0, 1, onLifetimeS), StateTransition.FromLifetime(1, 0, offLifetimeS)]);

    /// <summary>
    /// On ⇄ Off blinking with bleaching from the On state: <paramref name="bleachLifetimeS"/> is the mean time
    /// spent On before bleaching (the inverse of the bleaching rate while On).
    /// </summary>
    public static PhotophysicsModel OnOffBleach(double onLifetimeS, double offLifetimeS, double bleachLifetimeS)
        => new(
            [EmitterStateKind.On, EmitterStateKind.Dark, EmitterStateKind.Bleached],
            [StateTransition.FromLifetime(0, 1, onLifetimeS), StateTransition.FromLifetime(1, 0, offLifetimeS), StateTransition.FromLifetime(0, 2, bleachLifetimeS)]);

    public EmitterStateKind Kind(int state) => _kinds[state];

    public bool IsOn(int state) => _kinds[state] == EmitterStateKind.On;

    /// <summary>The generator Q: Q[i, j] is the rate from i to j, and each row sums to zero.</summary>
    public double[,] RateMatrix()
    {
        var q = (double[,])_rates.Clone();
        for (var i = 0; i < StateCount; i++)
        {
            q[i, i] = -ExitRates[i];
        }

        return q;
    }

    /// <summary>P = exp(Q·Δt): P[i, j] is the probability of being in j one interval after being in i.</summary>
    public double[,] TransitionMatrix(double intervalS)
    {
        if (!(intervalS >= 0) || double.IsInfinity(intervalS))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalS), $"the interval must be a finite number of seconds, not negative: {intervalS}");
        }

        var q = RateMatrix();
        for (var i = 0; i < StateCount; i++)
        {
            for (var j = 0; j < StateCount; j++)
            {
                q[i, j] *= intervalS;
            }
        }

        return MatrixExponential.Compute(q);
    }

    /// <summary>The per-frame chain of states at the starts of successive frames.</summary>
    public FrameTransitionChain FrameChain(double frameIntervalS) => new(this, TransitionMatrix(frameIntervalS));

    /// <summary>Everything in <see cref="FirstOnState"/>.</summary>
    public double[] AllOn()
    {
        var p = new double[StateCount];
        p[FirstOnState] = 1;
        return p;
    }

    /// <summary>
    /// The stationary distribution of the model without its bleaching transitions: the share of time in each
    /// state of a fluorophore that has not bleached yet (zero for bleached states). Solves πQ = 0, Σπ = 1.
    /// </summary>
    public double[] ReversibleStationaryDistribution()
    {
        var live = Enumerable.Range(0, StateCount).Where(i => _kinds[i] != EmitterStateKind.Bleached).ToArray();
        var m = live.Length;
        var a = new double[m, m];
        for (var r = 0; r < m; r++)
        {
            for (var c = 0; c < m; c++)
            {
                if (r != c)
                {
                    // Transposed: row c of the system is the balance of state c.
                    a[c, r] = _rates[live[r], live[c]];
                    a[r, r] -= _rates[live[r], live[c]];
                }
            }
        }

        var b = new double[m, 1];
        for (var c = 0; c < m; c++)
        {
            a[m - 1, c] = 1;
        }

        b[m - 1, 0] = 1;
        if (!SmallMatrix.TrySolve(a, b))
        {
            throw new InvalidOperationException("the unbleached states do not have a unique stationary distribution: some of them never reach each other");
        }

        var pi = new double[StateCount];
        for (var r = 0; r < m; r++)
        {
            pi[live[r]] = Math.Max(b[r, 0], 0);
        }

        return pi;
    }

    /// <summary>Draws a state from <paramref name="distribution"/> over this model's states.</summary>
    public int DrawState(IReadOnlyList<double> distribution, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(random);
        CheckDistribution(distribution);
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < StateCount - 1; i++)
        {
            cumulative += distribution[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return StateCount - 1;
    }

    internal void CheckDistribution(IReadOnlyList<double> distribution)
    {
        if (distribution.Count != StateCount || distribution.Any(p => !(p >= 0) || double.IsInfinity(p)) || Math.Abs(distribution.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException($"a distribution over the {StateCount} states needs {StateCount} non-negative probabilities summing to 1", nameof(distribution));
        }
    }

    private void CheckTransition(StateTransition t, int n)
    {
        if (t.From < 0 || t.From >= n || t.To < 0 || t.To >= n || t.From == t.To)
        {
            throw new ArgumentException($"a transition joins two different states among 0..{n - 1}, not {t.From} → {t.To}", nameof(t));
        }

        if (!(t.RatePerS > 0) || t.RatePerS > MaxRatePerS)
        {
            throw new ArgumentException($"the rate of {t.From} → {t.To} must be positive and at most {MaxRatePerS} /s, not {t.RatePerS}", nameof(t));
        }

        if (_kinds[t.From] == EmitterStateKind.Bleached)
        {
            throw new ArgumentException($"state {t.From} is bleached and cannot be left", nameof(t));
        }
    }
}
