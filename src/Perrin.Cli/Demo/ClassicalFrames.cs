using Perrin.Analysis.Iscat;
using Perrin.Core.Imaging;

namespace Perrin.Cli.Demo;

/// <summary>
/// What the classical localizers see: each frame's deviation from the movie's static background (PiSCAT's
/// per-pixel temporal median, subtracted, which removes the coverslip speckle and keeps photon units), smoothed by a
/// Gaussian of <see cref="SmoothingSigmaPx"/> and taken in magnitude (<see cref="IscatMagnitude"/>), so that dark
/// and bright particles are both bright spots. The network sees the raw frames, as `perrin localize` would.
/// </summary>
internal sealed record ClassicalFrames(float[][] Frames, double NoiseSigma)
{
    public const double SmoothingSigmaPx = 1;

    public static ClassicalFrames Prepare(DemoMovie movie)
    {
        var (height, width) = (movie.Height, movie.Width);
        var plane = height * width;
        var data = new float[movie.FrameCount * plane];
        for (var f = 0; f < movie.FrameCount; f++)
        {
            movie.Frames[f].CopyTo(data, f * plane);
        }

        var background = TemporalMedian.Compute(new ImageStack(movie.FrameCount, height, width, data));
        var stage = new StaticBackgroundStage(background, height, width, BackgroundCorrection.Subtract);
        var magnitude = new IscatMagnitude(height, width, SmoothingSigmaPx);
        var deviation = new float[plane];
        var frames = new float[movie.FrameCount][];
        var noise = new double[movie.FrameCount];
        for (var f = 0; f < movie.FrameCount; f++)
        {
            stage.Push(movie.Frames[f], deviation);
            frames[f] = new float[plane];
            noise[f] = magnitude.Apply(deviation, frames[f]);
        }

        Array.Sort(noise);
        return new ClassicalFrames(frames, noise[noise.Length / 2]);
    }
}
