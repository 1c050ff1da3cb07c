namespace Perrin.Nn.Models;

/// <summary>Early release of intermediate results, which keeps inference memory to a few live feature maps.</summary>
internal static class Intermediate
{
    /// <summary>
    /// Gives <paramref name="used"/> back to the pool once <paramref name="result"/> has been computed from it,
    /// unless it is the caller's <paramref name="input"/>, is the result itself, or takes part in a recorded graph
    /// (a backward pass may still read it).
    /// </summary>
    public static void Release(Tensor used, Tensor input, Tensor result)
    {
        if (ReferenceEquals(used, input) || ReferenceEquals(used, result)) return;
        if (used.RequiresGrad || result.RequiresGrad) return;
        used.Dispose();
    }
}
