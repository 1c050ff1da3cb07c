using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Perrin.Core.Randomness;

namespace Perrin.Nn.Ops;

/// <summary>Dropout masks: 0 where a value is dropped, 1/(1 − p) where it is kept, one 32-bit draw per entry.</summary>
internal static class DropoutMask
{
    private const int Chunk = 1024;

    /// <summary>Fills <paramref name="mask"/>; entry i is kept when draw i is at least p·2³².</summary>
    public static void Fill(RandomStream random, float p, Span<float> mask)
    {
        if (p >= 1f)
        {
            // Every value is dropped; the draws are still consumed so later users of the stream see the same state.
            Span<uint> sink = stackalloc uint[Chunk];
            for (var i = 0; i < mask.Length; i += Chunk) random.NextUInt32(sink[..Math.Min(Chunk, mask.Length - i)]);
            mask.Clear();
            return;
        }
        var threshold = (uint)Math.Min(Math.Round(p * 4294967296.0), uint.MaxValue);
        var keep = 1f / (1f - p);
        Span<uint> draws = stackalloc uint[Chunk];
        for (var start = 0; start < mask.Length; start += Chunk)
        {
            var n = Math.Min(Chunk, mask.Length - start);
            var d = draws[..n];
            random.NextUInt32(d);
            Select(d, threshold, keep, mask.Slice(start, n));
        }
    }

    private static void Select(ReadOnlySpan<uint> draws, uint threshold, float keep, Span<float> mask)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var dr = ref MemoryMarshal.GetReference(draws);
            ref var mr = ref MemoryMarshal.GetReference(mask);
            var t = Vector256.Create(threshold);
            var k = Vector256.Create(keep);
            for (; i <= draws.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                var kept = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref dr, (nuint)i), t).AsSingle();
                (kept & k).StoreUnsafe(ref mr, (nuint)i);
            }
        }
        for (; i < draws.Length; i++) mask[i] = draws[i] >= threshold ? keep : 0f;
    }
}
