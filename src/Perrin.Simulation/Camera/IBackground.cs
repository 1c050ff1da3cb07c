using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>Optical background, added in expected photons per pixel before the camera.</summary>
public interface IBackground
{
    /// <summary>Adds the background to a row-major image of expected photons.</summary>
    /// <param name="rng">The stream a random background draws from; deterministic backgrounds ignore it and accept null.</param>
    void AddTo(Span<float> photons, int width, int height, RandomStream? rng);
}
