using System.Diagnostics;
using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;

namespace Perrin.Cli.Bench;

/// <summary>
/// The `perrin bench locate` case: 256 × 256 frames of 50 pixel-integrated Gaussian spots (σ 1.3 px, 1000
/// photons) at random positions on 10 photons per pixel, with Poisson noise, located on one thread.
/// </summary>
internal static class LocateBenchmark
{
    public const int Side = 256;
    public const int Spots = 50;
    public const double Photons = 1000;
    public const double Background = 10;
    public const double Sigma = 1.3;
    public const double PixelSizeNm = 100;
    private const ulong Seed = 2016;

    public static string Description =>
        $"{Side}×{Side} frames, {Spots} Gaussian spots (σ {Sigma} px, {Photons} photons) on {Background} photons/px, Poisson noise";

    /// <summary>
    /// Options beyond the defaults that a method needs for these frames: Crocker–Grier's diameter (an odd number
    /// covering ±2.5σ) and a minimum mass well above the bandpassed noise (tens of photons) and below a spot (≈ 10³).
    /// </summary>
    public static string[] OptionsFor(string method) =>
        method == "crocker-grier" ? ["--diameter", "7", "--minmass", "200"] : [];

    public static float[][] Frames(int count)
    {
        var frames = new float[count][];
        var mx = new double[Side];
        var my = new double[Side];
        var expected = new double[Side * Side];
        for (var f = 0; f < count; f++)
        {
            var random = new RandomStream(Seed, (ulong)f);
            Array.Fill(expected, Background);
            for (var s = 0; s < Spots; s++)
            {
                GaussianPixelMass.Fill(mx, 0, random.Uniform(8, Side - 8), Sigma);
                GaussianPixelMass.Fill(my, 0, random.Uniform(8, Side - 8), Sigma);
                for (var row = 0; row < Side; row++)
                {
                    var wy = Photons * my[row];
                    if (wy < 1e-6)
                    {
                        continue;
                    }

                    for (var col = 0; col < Side; col++)
                    {
                        expected[(row * Side) + col] += wy * mx[col];
                    }
                }
            }

            var pixels = new float[Side * Side];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = random.Poisson(expected[i]);
            }

            frames[f] = pixels;
        }

        return frames;
    }

    public static LocateBenchResult Measure(string method, IFrameLocalizer localizer, float[][] frames)
    {
        localizer.Locate(new ImageFrame(frames[0], Side, Side), 0, PixelSizeNm);
        long found = 0;
        var clock = Stopwatch.StartNew();
        for (var f = 0; f < frames.Length; f++)
        {
            found += localizer.Locate(new ImageFrame(frames[f], Side, Side), f, PixelSizeNm).Count;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new LocateBenchResult(method, frames.Length, frames.Length / Math.Max(seconds, 1e-9), (double)found / frames.Length);
    }
}
