namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// How many vectors along a row a direct-convolution micro-kernel holds per output channel. A type parameter
/// rather than an argument so that the JIT compiles each width with its unused accumulators removed.
/// </summary>
internal interface IDirectConvWidth
{
    static abstract int Vectors { get; }
}
