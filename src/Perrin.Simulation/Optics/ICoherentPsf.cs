using System.Numerics;

namespace Perrin.Simulation.Optics;

/// <summary>
/// A coherent (field) point spread function, for interferometric imaging where the scattered field, not its
/// intensity, is added to a reference. Same coordinates as <see cref="IPsf"/>.
/// </summary>
public interface ICoherentPsf
{
    /// <summary>
    /// Adds amplitude × F to each pixel of a row-major complex field, where F is the field averaged over the
    /// pixel and scaled so that |F|² is the fraction of the point's power in that pixel (for a field that varies
    /// slowly across a pixel); the sum of |F|² over the plane is therefore close to, and at most, 1.
    /// </summary>
    void AddPointField(Span<Complex> field, int width, int height, double x, double y, double z, Complex amplitude);
}
