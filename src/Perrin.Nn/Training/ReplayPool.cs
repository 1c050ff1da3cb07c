namespace Perrin.Nn.Training;

/// <summary>
/// Which sample each slot of a replay pool holds at each step, as a pure function of the step: the pool starts
/// with samples 0 … P − 1, and before step t the refresh puts sample P + t·R + j into slot (t·R + j) mod P for
/// j = 0 … R − 1. A resumed run rebuilds the pool of its first step from this alone.
/// </summary>
public static class ReplayPool
{
    /// <summary>The sample in <paramref name="slot"/> when step <paramref name="step"/> draws its batch (after that step's refresh).</summary>
    public static long SampleAt(int size, int refresh, int slot, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(refresh);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if ((uint)slot >= (uint)size) throw new ArgumentOutOfRangeException(nameof(slot), slot, $"a pool of {size} has slots 0 … {size - 1}");
        var replaced = checked((step + 1) * refresh);
        if (replaced <= slot) return slot;
        // The last replacement k < replaced with k ≡ slot (mod size) wrote sample size + k.
        var last = slot + (size * ((replaced - 1 - slot) / size));
        return size + last;
    }

    /// <summary>The slot refresh number <paramref name="k"/> (counted over the whole run) writes, and the sample it writes there.</summary>
    public static (int Slot, long Sample) Replacement(int size, long k) => ((int)(k % size), size + k);
}
