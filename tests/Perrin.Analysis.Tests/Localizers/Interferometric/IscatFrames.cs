using System.Numerics;
using Perrin.Analysis.Localizers.Interferometric;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Localizers.Interferometric;

/// <summary>iSCAT frames N·|1 + Σ aₖ·F(x − xₖ, y − yₖ, dₖ)|² drawn from a field model, with or without shot noise.</summary>
internal static class IscatFrames
{
    public static float[] Draw(ICoherentFieldModel model, int size, double photons, params (double X, double Y, double DepthNm, Complex Amplitude)[] scatterers) =>
        Draw(model, size, photons, null, scatterers);

    public static float[] Draw(ICoherentFieldModel model, int size, double photons, RandomStream? noise, params (double X, double Y, double DepthNm, Complex Amplitude)[] scatterers)
    {
        var field = new Complex[size * size];
        Array.Fill(field, Complex.One);
        foreach (var (x, y, depth, amplitude) in scatterers)
        {
            model.AddField(field, size, size, x, y, depth, amplitude);
        }

        var frame = new float[size * size];
        for (var i = 0; i < frame.Length; i++)
        {
            var mean = photons * ((field[i].Real * field[i].Real) + (field[i].Imaginary * field[i].Imaginary));

            // At 10⁴ photons and more per pixel, Poisson noise is Gaussian to well within what these tests resolve.
            frame[i] = (float)(noise is null ? mean : mean + (Math.Sqrt(mean) * noise.Normal()));
        }

        return frame;
    }
}
