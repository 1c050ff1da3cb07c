using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// A particle inside a movie's region. Its randomness comes from its own streams, keyed by its lineage (the slot it
/// fills, fixed at the start of the movie) and generation (how many particles filled that slot before it), so that
/// adding particles to a movie leaves the others' trajectories unchanged.
/// </summary>
public sealed class TrackedParticle
{
    internal TrackedParticle(int trackId, int lineage, int generation, IParticleMotion motion, BlinkingEmitter? emitter, RandomStream root)
    {
        TrackId = trackId;
        Lineage = lineage;
        Generation = generation;
        Motion = motion;
        Emitter = emitter;
        MotionRandom = root.Substream(1);
        BlinkingRandom = root.Substream(2);
        BrightnessRandom = root.Substream(3);
    }

    public int TrackId { get; }

    public int Lineage { get; }

    public int Generation { get; }

    /// <summary>The position at the start of the next frame to be emitted.</summary>
    public ParticlePosition Position => Motion.Position;

    /// <summary>The photophysical state at the start of the next frame, or −1 without photophysics.</summary>
    public int EmitterState => Emitter?.State ?? -1;

    internal IParticleMotion Motion { get; }

    internal BlinkingEmitter? Emitter { get; }

    internal RandomStream MotionRandom { get; }

    internal RandomStream BlinkingRandom { get; }

    internal RandomStream BrightnessRandom { get; }
}
