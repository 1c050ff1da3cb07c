using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

internal static class CameraTestFrames
{
    /// <summary>Records <paramref name="frames"/> frames of a uniform photon level, one stream index per frame, end to end.</summary>
    public static float[] Uniform(CameraModel camera, float photons, int width, int height, int frames, ulong seed = 11)
    {
        var input = new float[width * height];
        Array.Fill(input, photons);
        return Record(camera, input, width, height, frames, seed);
    }

    public static float[] Record(CameraModel camera, float[] photons, int width, int height, int frames, ulong seed = 11)
    {
        var pixels = width * height;
        var output = new float[pixels * frames];
        for (var f = 0; f < frames; f++)
        {
            camera.Apply(photons, output.AsSpan(f * pixels, pixels), width, height, new RandomStream(seed, (ulong)f));
        }

        return output;
    }
}
