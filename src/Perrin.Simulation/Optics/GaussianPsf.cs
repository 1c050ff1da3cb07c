using System.Buffers;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Optics;

/// <summary>
/// A 2D Gaussian of standard deviation σ (pixels), integrated exactly over each pixel: the fraction in pixel
/// (c, r) is ¼·[erf((c + ½ − x)/(σ√2)) − erf((c − ½ − x)/(σ√2))]·[same in y]. It ignores z. Pixels farther
/// than 6σ + 1 from the point are not drawn (they hold less than 1e-8 of the light).
/// </summary>
public sealed record GaussianPsf : IPsf
{
    public GaussianPsf(double sigmaPixels)
    {
        if (!double.IsFinite(sigmaPixels) || sigmaPixels <= 0 || sigmaPixels > 1e4)
        {
            throw new ArgumentException($"The Gaussian σ must be finite, greater than 0 and at most 1e4 pixels, got {sigmaPixels}.", nameof(sigmaPixels));
        }

        SigmaPixels = sigmaPixels;
    }

    public double SigmaPixels { get; }

    /// <summary>The Gaussian approximation of the in-focus Airy pattern, σ = 0.21 λ/NA.</summary>
    public static GaussianPsf FromSystem(OpticalSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new GaussianPsf(system.GaussianSigmaPixels);
    }

    public void AddPoint(Span<float> image, int width, int height, double x, double y, double z, double weight)
    {
        ImageWindow.RequireImage(image.Length, width, height);
        int radius = (int)Math.Ceiling((6 * SigmaPixels) + 1);
        long cx = ImageWindow.Nearest(x);
        long cy = ImageWindow.Nearest(y);
        var window = ImageWindow.Clip(cx - radius, cy - radius, (2 * radius) + 1, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        int columns = window.EndColumn - window.FirstColumn;
        int rows = window.EndRow - window.FirstRow;
        double[] rented = ArrayPool<double>.Shared.Rent(columns + rows);
        try
        {
            Span<double> wx = rented.AsSpan(0, columns);
            Span<double> wy = rented.AsSpan(columns, rows);
            GaussianPixelMass.Fill(wx, window.FirstColumn, x, SigmaPixels);
            GaussianPixelMass.Fill(wy, window.FirstRow, y, SigmaPixels);
            for (int r = 0; r < rows; r++)
            {
                double rowWeight = weight * wy[r];
                Span<float> line = image.Slice(((window.FirstRow + r) * width) + window.FirstColumn, columns);
                for (int c = 0; c < columns; c++)
                {
                    line[c] += (float)(rowWeight * wx[c]);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
