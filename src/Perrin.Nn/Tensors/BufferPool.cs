using System.Collections.Concurrent;

namespace Perrin.Nn.Tensors;

/// <summary>
/// Recycles tensor storage by exact length. A training step allocates the same shapes every time, so exact-length
/// buckets give perfect reuse without the up-to-2× waste of power-of-two buckets.
/// </summary>
public static class BufferPool
{
    // Storage kept idle beyond this is handed to the garbage collector instead of pooled.
    private const long MaxRetainedFloats = 1L << 30;

    private static readonly ConcurrentDictionary<int, ConcurrentBag<float[]>> Buckets = new();
    private static long _retained;

    /// <summary>Floats currently held idle in the pool.</summary>
    public static long RetainedFloats => Interlocked.Read(ref _retained);

    /// <summary>An array of exactly <paramref name="length"/> floats with arbitrary content.</summary>
    public static float[] Rent(int length)
    {
        if (length == 0) return [];
        if (Buckets.TryGetValue(length, out var bag) && bag.TryTake(out var array))
        {
            Interlocked.Add(ref _retained, -length);
            return array;
        }
        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>An array of exactly <paramref name="length"/> zeros.</summary>
    public static float[] RentCleared(int length)
    {
        var array = Rent(length);
        Array.Clear(array);
        return array;
    }

    /// <summary>Gives an array back; the caller must not touch it afterwards.</summary>
    public static void Return(float[] array)
    {
        if (array.Length == 0) return;
        if (Interlocked.Add(ref _retained, array.Length) > MaxRetainedFloats)
        {
            Interlocked.Add(ref _retained, -array.Length);
            return;
        }
        Buckets.GetOrAdd(array.Length, static _ => new ConcurrentBag<float[]>()).Add(array);
    }

    /// <summary>Drops every idle array, e.g. after training when the shapes will not come back.</summary>
    public static void Trim()
    {
        foreach (var bag in Buckets.Values)
            while (bag.TryTake(out var array)) Interlocked.Add(ref _retained, -array.Length);
    }
}
