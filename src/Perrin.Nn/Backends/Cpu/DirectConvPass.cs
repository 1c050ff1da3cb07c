namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One chunk of input channels of a direct-convolution sweep: its first padded input plane and packed weights, and
/// whether it continues from partial sums in the output (<see cref="Continue"/>) and adds the bias and applies
/// ReLU when it stores (<see cref="Final"/>).
/// </summary>
internal readonly unsafe struct DirectConvPass(float* input, float* weight, int channels, bool @continue, bool final)
{
    public float* Input { get; } = input;

    public float* Weight { get; } = weight;

    public int Channels { get; } = channels;

    public bool Continue { get; } = @continue;

    public bool Final { get; } = final;
}
