using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>The motion state of one particle, advanced one frame at a time.</summary>
public interface IParticleMotion
{
    /// <summary>The position at the start of the current frame's exposure.</summary>
    ParticlePosition Position { get; }

    /// <summary>
    /// Moves the particle to the start of the next frame. With motion blur, <paramref name="exposureSamples"/>
    /// (exactly <see cref="MotionBlur.SubSteps"/> long) receives the positions during this frame's exposure;
    /// without, it must be empty.
    /// </summary>
    void Advance(RandomStream random, Span<ParticlePosition> exposureSamples);
}
