namespace Perrin.Simulation.Optics;

/// <summary>
/// An incoherent point spread function, normalized to 1 over the infinite plane. Positions are in pixels with
/// (0, 0) at the centre of the first pixel, x along columns and y along rows (as ParticleTruth); z is in nm
/// from focus, positive away from the objective.
/// </summary>
public interface IPsf
{
    /// <summary>
    /// Adds weight × (the fraction of the point's light that falls in each pixel) to a row-major image of
    /// width × height. Light that falls outside the image, or outside the region the PSF renders, is lost.
    /// </summary>
    void AddPoint(Span<float> image, int width, int height, double x, double y, double z, double weight);
}
