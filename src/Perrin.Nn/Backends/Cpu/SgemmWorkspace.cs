using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Per-thread pack buffers, kept for the life of the thread so a GEMM call allocates nothing once warm.
/// Pinned arrays never move and are freed with the thread; the pointer is rounded up to a 64-byte boundary
/// so the kernels' aligned loads are legal.
/// </summary>
internal static unsafe class SgemmWorkspace
{
    private const int AlignFloats = 16;

    [ThreadStatic] private static float[]? packA;
    [ThreadStatic] private static float[]? packB;

    public static float* A(int length) => Get(ref packA, length);

    public static float* B(int length) => Get(ref packB, length);

    private static float* Get(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length + AlignFloats)
            buffer = GC.AllocateUninitializedArray<float>(length + AlignFloats, pinned: true);
        var p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((p + 63) & ~(nint)63);
    }
}
