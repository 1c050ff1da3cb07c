using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// A linear ramp (uneven illumination): <see cref="CentreLevel"/> + <see cref="SlopeX"/>·(x − x_c) +
/// <see cref="SlopeY"/>·(y − y_c) photons, with pixel centres at whole coordinates from (0, 0) and (x_c, y_c) the
/// centre of the image. A ramp that would go below zero anywhere on the image is rejected.
/// </summary>
public sealed record GradientBackground : IBackground
{
    public GradientBackground(double centreLevel, double slopeX, double slopeY)
    {
        CentreLevel = centreLevel;
        SlopeX = slopeX;
        SlopeY = slopeY;
    }

    /// <summary>Expected photons at the centre of the image.</summary>
    public double CentreLevel { get; init => field = CameraArguments.NotNegative(value, nameof(CentreLevel)); }

    /// <summary>Photons per pixel step along x (columns).</summary>
    public double SlopeX { get; init => field = CameraArguments.Finite(value, nameof(SlopeX)); }

    /// <summary>Photons per pixel step along y (rows).</summary>
    public double SlopeY { get; init => field = CameraArguments.Finite(value, nameof(SlopeY)); }

    public void AddTo(Span<float> photons, int width, int height, RandomStream? rng)
    {
        CameraArguments.ImageSize(photons.Length, width, height, nameof(photons));
        var cx = (width - 1) / 2.0;
        var cy = (height - 1) / 2.0;
        var lowest = CentreLevel - (Math.Abs(SlopeX) * cx) - (Math.Abs(SlopeY) * cy);
        if (lowest < 0)
        {
            throw new ArgumentException(
                $"the gradient reaches {lowest:G4} photons at a corner of a {width}×{height} image; lower the slopes or raise CentreLevel",
                nameof(SlopeX));
        }

        for (var y = 0; y < height; y++)
        {
            var rowLevel = CentreLevel + (SlopeY * (y - cy));
            var row = photons.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                row[x] += (float)Math.Max(0, rowLevel + (SlopeX * (x - cx)));
            }
        }
    }
}
