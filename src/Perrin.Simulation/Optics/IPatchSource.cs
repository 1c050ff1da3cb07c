namespace Perrin.Simulation.Optics;

/// <summary>A PSF that can render a whole grid of sub-pixel offsets faster than one point at a time.</summary>
internal interface IPatchSource
{
    /// <summary>The largest patch the source can fill.</summary>
    int MaxPatchSize { get; }

    /// <summary>Same layout as <see cref="PupilSpectrum.RenderPatches"/>.</summary>
    void RenderPatchGrid(double z, int patch, int offsetsPerPixel, Span<float> destination);
}
