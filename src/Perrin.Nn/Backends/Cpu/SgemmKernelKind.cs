namespace Perrin.Nn.Backends.Cpu;

/// <summary>The instruction set an <see cref="Sgemm"/> or <see cref="DirectConv"/> micro-kernel is written for.</summary>
internal enum SgemmKernelKind
{
    Scalar,
    Avx2,
    Avx512,
}
