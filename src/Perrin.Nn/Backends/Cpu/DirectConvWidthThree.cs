namespace Perrin.Nn.Backends.Cpu;

internal readonly struct DirectConvWidthThree : IDirectConvWidth
{
    public static int Vectors => 3;
}
