namespace Perrin.Nn.Backends.Cpu;

internal readonly struct DirectConvWidthTwo : IDirectConvWidth
{
    public static int Vectors => 2;
}
