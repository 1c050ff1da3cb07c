namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>Polarization e of the incident plane wave travelling along +z.</summary>
public enum IlluminationPolarization
{
    /// <summary>e = x̂.</summary>
    LinearX,

    /// <summary>e = ŷ.</summary>
    LinearY,

    /// <summary>
    /// e = (x̂ + iŷ)/√2. Its co-polarized amplitude (i/k)(S1 + cos θ S2)/2 has no azimuthal dependence and equals the
    /// average of the co-polarized amplitude over all linear polarizations, so it also stands for unpolarized light
    /// in interference with a reference of the same polarization.
    /// </summary>
    Circular,
}
