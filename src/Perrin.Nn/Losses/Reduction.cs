namespace Perrin.Nn.Losses;

/// <summary>How per-element losses are combined, as PyTorch's <c>reduction</c> argument.</summary>
public enum Reduction
{
    /// <summary>The mean over the elements (or the weighted mean where a loss takes class weights).</summary>
    Mean,

    /// <summary>The sum over the elements.</summary>
    Sum,

    /// <summary>No reduction: one loss per element, in the shape of the input.</summary>
    None,
}
