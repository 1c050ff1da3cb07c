using Perrin.Core.Imaging;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>
/// Frames of isolated pixel-integrated Gaussian spots on a square grid (one per cell, at a uniformly random
/// sub-pixel offset around the cell centre) on a flat background, with Poisson noise. Positions are pixels with
/// (0, 0) at the centre of the first pixel.
/// </summary>
internal sealed class SimulatedSpots
{
    public const int Cell = 16;

    public SimulatedSpots(int frames, int cellsPerSide, double photons, double background, double sigma, ulong seed)
    {
        Side = cellsPerSide * Cell;
        Photons = photons;
        Background = background;
        Sigma = sigma;
        var mx = new double[Side];
        var my = new double[Side];
        for (var f = 0; f < frames; f++)
        {
            var random = new RandomStream(seed, (ulong)f);
            var expected = new double[Side * Side];
            Array.Fill(expected, background);
            var truth = new List<(double X, double Y)>();
            for (var cy = 0; cy < cellsPerSide; cy++)
            {
                for (var cx = 0; cx < cellsPerSide; cx++)
                {
                    var x = (cx * Cell) + (Cell / 2) + random.Uniform(-0.5, 0.5);
                    var y = (cy * Cell) + (Cell / 2) + random.Uniform(-0.5, 0.5);
                    truth.Add((x, y));
                    GaussianPixelMass.Fill(mx, 0, x, sigma);
                    GaussianPixelMass.Fill(my, 0, y, sigma);
                    for (var row = 0; row < Side; row++)
                    {
                        for (var col = 0; col < Side; col++)
                        {
                            expected[(row * Side) + col] += photons * mx[col] * my[row];
                        }
                    }
                }
            }

            var pixels = new float[Side * Side];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = random.Poisson(expected[i]);
            }

            Frames.Add(new ImageFrame(pixels, Side, Side));
            Truth.Add(truth);
        }
    }

    public int Side { get; }

    public double Photons { get; }

    public double Background { get; }

    public double Sigma { get; }

    public List<ImageFrame> Frames { get; } = [];

    public List<List<(double X, double Y)>> Truth { get; } = [];
}
