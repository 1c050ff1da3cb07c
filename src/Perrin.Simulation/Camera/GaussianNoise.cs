using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Additive white Gaussian noise as DeepTrack 2.0's <c>Gaussian(mu, sigma)</c>: every pixel becomes
/// value + <see cref="Mu"/> + <see cref="Sigma"/>·Z with Z standard normal, in the image's own units.
/// </summary>
public sealed record GaussianNoise
{
    public GaussianNoise(double mu, double sigma)
    {
        Mu = mu;
        Sigma = sigma;
    }

    public double Mu { get; init => field = CameraArguments.Finite(value, nameof(Mu)); }

    public double Sigma { get; init => field = CameraArguments.NotNegative(value, nameof(Sigma)); }

    public void Apply(Span<float> image, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (float)(image[i] + Mu + (Sigma * rng.Normal()));
        }
    }
}
