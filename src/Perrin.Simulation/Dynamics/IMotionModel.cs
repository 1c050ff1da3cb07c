namespace Perrin.Simulation.Dynamics;

/// <summary>A kind of motion, shared by many particles; each particle's state comes from <see cref="Start"/>.</summary>
public interface IMotionModel
{
    DynamicsUnits Units { get; }

    /// <summary>2 (x, y) or 3 (x, y, z).</summary>
    int Dimensions { get; }

    /// <summary>How the exposure is sampled for motion blur; null when each frame is one position.</summary>
    MotionBlur? Blur { get; }

    IParticleMotion Start(ParticlePosition start);
}
