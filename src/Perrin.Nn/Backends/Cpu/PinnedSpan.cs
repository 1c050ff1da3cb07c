namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// A span's address and length, so a pinned buffer can be handed to parallel workers (lambdas cannot capture spans).
/// Valid only while the caller keeps the memory pinned.
/// </summary>
internal readonly unsafe struct PinnedSpan<T> where T : unmanaged
{
    private readonly T* _pointer;

    public PinnedSpan(T* pointer, int length)
    {
        _pointer = pointer;
        Length = length;
    }

    public int Length { get; }

    public Span<T> Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start + (ulong)(uint)length, (ulong)(uint)Length);
        return new Span<T>(_pointer + start, length);
    }
}
