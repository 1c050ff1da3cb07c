using System.Buffers;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Runs independent work items on up to <c>threads</c> workers. Items never share outputs, so which worker runs an
/// item does not change any result.
/// </summary>
internal static class CpuParallel
{
    /// <summary>Runs body(item, scratch) for every item; each worker gets its own pooled scratch of the given length.</summary>
    public static void For(int count, int threads, int scratchLength, Action<int, float[]> body)
    {
        if (threads <= 1 || count <= 1)
        {
            var scratch = ArrayPool<float>.Shared.Rent(Math.Max(1, scratchLength));
            try
            {
                for (var i = 0; i < count; i++) body(i, scratch);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, count, options,
            () => ArrayPool<float>.Shared.Rent(Math.Max(1, scratchLength)),
            (i, _, scratch) =>
            {
                body(i, scratch);
                return scratch;
            },
            scratch => ArrayPool<float>.Shared.Return(scratch));
    }

    public static void For(int count, int threads, Action<int> body)
    {
        if (threads <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
