namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>Which half of the scattered light the objective collects, relative to the illumination direction +z.</summary>
public enum ScatteringHemisphere
{
    /// <summary>Light scattered along +z, collected in transmission (brightfield, in-line holography, darkfield).</summary>
    Forward,

    /// <summary>Light scattered back along -z, collected in reflection (iSCAT, reflection darkfield).</summary>
    Backward,
}
