namespace Perrin.Nn.Backends.Cpu;

/// <summary>Buffer-length checks that name the op and the expected shape, so a mismatch never surfaces as an index error.</summary>
internal static class KernelChecks
{
    public static void Length(string op, string name, int actual, int expected, string shape)
    {
        if (actual != expected)
            throw new ArgumentException($"{op}: {name} has {actual} elements, expected {shape} = {expected}.");
    }

    public static void OptionalLength(string op, string name, int actual, int expected, string shape)
    {
        if (actual != 0) Length(op, name, actual, expected, shape);
    }

    public static void Threads(string op, int threads)
    {
        if (threads < 1) throw new ArgumentException($"{op}: thread count must be at least 1, got {threads}.");
    }

    public static string Dims(params int[] dims) => "[" + string.Join(", ", dims) + "]";
}
