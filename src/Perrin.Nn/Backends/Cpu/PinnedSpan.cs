namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// A span's address and length, so a pinned buffer can be handed to parallel workers (lambdas cannot capture spans).
/// Valid only while the caller keeps the memory pinned.
/// </summary>
internal readonly unsafe struct PinnedSpan
{
    private readonly float* _pointer;

    public PinnedSpan(float* pointer, int length)
    {
        _pointer = pointer;
        Length = length;
    }

    public int Length { get; }

    public Span<float> Span => new(_pointer, Length);

    public Span<float> Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start + (ulong)(uint)length, (ulong)(uint)Length);
        return new Span<float>(_pointer + start, length);
    }
}
