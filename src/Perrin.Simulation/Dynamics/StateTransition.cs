namespace Perrin.Simulation.Dynamics;

/// <summary>A transition between photophysical states at a constant rate in 1/s.</summary>
public readonly record struct StateTransition(int From, int To, double RatePerS)
{
    /// <summary>The transition out of a state whose mean lifetime, were this its only exit, is <paramref name="lifetimeS"/>.</summary>
    public static StateTransition FromLifetime(int from, int to, double lifetimeS) => new(from, to, 1.0 / lifetimeS);
}
