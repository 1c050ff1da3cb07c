namespace Perrin.Simulation.Optics;

/// <summary>A PSF that can render a whole grid of sub-pixel offsets faster than one point at a time.</summary>
internal interface IPatchSource
{
    /// <summary>Same layout as <see cref="PupilSpectrum.RenderPatches"/>.</summary>
    void RenderPatchGrid(double z, int patch, int offsetsPerPixel, Span<float> destination);
}
