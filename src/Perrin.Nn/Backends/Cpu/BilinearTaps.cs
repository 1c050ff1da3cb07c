namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Per output coordinate: the first source index, the step to the second (0 at the last input), and the two weights,
/// computed in float as PyTorch does so the interpolation weights match bit for bit.
/// </summary>
internal sealed class BilinearTaps
{
    private BilinearTaps(int length)
    {
        Index0 = new int[length];
        Step = new int[length];
        Lambda0 = new float[length];
        Lambda1 = new float[length];
    }

    public int[] Index0 { get; }
    public int[] Step { get; }
    public float[] Lambda0 { get; }
    public float[] Lambda1 { get; }

    public static BilinearTaps Create(int inputSize, int scale)
    {
        var outputSize = inputSize * scale;
        var taps = new BilinearTaps(outputSize);
        var ratio = (float)(1.0 / scale);
        for (var o = 0; o < outputSize; o++)
        {
            var source = Math.Max(ratio * (o + 0.5f) - 0.5f, 0f);
            var i0 = Math.Min((int)source, inputSize - 1);
            var lambda1 = Math.Clamp(source - i0, 0f, 1f);
            taps.Index0[o] = i0;
            taps.Step[o] = i0 < inputSize - 1 ? 1 : 0;
            taps.Lambda1[o] = lambda1;
            taps.Lambda0[o] = 1f - lambda1;
        }
        return taps;
    }
}
