namespace Perrin.Nn.Backends.Cpu;

internal readonly struct DirectConvWidthOne : IDirectConvWidth
{
    public static int Vectors => 1;
}
