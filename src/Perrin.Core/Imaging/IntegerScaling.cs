namespace Perrin.Core.Imaging;

/// <summary>How float samples become integers when a stack is converted to a smaller type.</summary>
public enum IntegerScaling
{
    /// <summary>Round to the nearest integer and clamp to the type's range: values keep their meaning (counts, ADU).</summary>
    Clip,

    /// <summary>Map the stack's minimum and maximum linearly onto the type's full range: for display.</summary>
    MinMax,
}
