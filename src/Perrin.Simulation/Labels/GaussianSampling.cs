namespace Perrin.Simulation.Labels;

/// <summary>How a Gaussian footprint becomes pixel values.</summary>
public enum GaussianSampling
{
    /// <summary>The Gaussian's value at the pixel centre.</summary>
    Centre,

    /// <summary>The Gaussian's mean over the pixel's square (exact, from differences of the error function).</summary>
    PixelIntegrated,
}
