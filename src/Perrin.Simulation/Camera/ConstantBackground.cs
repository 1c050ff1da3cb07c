using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>The same expected photons in every pixel (out-of-focus fluorescence, scattered excitation).</summary>
public sealed record ConstantBackground : IBackground
{
    public ConstantBackground(double photons) => Photons = photons;

    /// <summary>Expected background photons per pixel per frame.</summary>
    public double Photons { get; init => field = CameraArguments.NotNegative(value, nameof(Photons)); }

    public void AddTo(Span<float> photons, int width, int height, RandomStream? rng)
    {
        CameraArguments.ImageSize(photons.Length, width, height, nameof(photons));
        var level = (float)Photons;
        for (var i = 0; i < photons.Length; i++)
        {
            photons[i] += level;
        }
    }
}
