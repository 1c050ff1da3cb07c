namespace Perrin.Simulation.Optics;

/// <summary>Amplitude profile across the pupil.</summary>
public enum Apodization
{
    /// <summary>Uniform amplitude (paraxial model).</summary>
    None,

    /// <summary>Amplitude 1/√cos θ of an aplanatic objective collecting a point's emission (Abbe sine condition).</summary>
    Aplanatic,
}
