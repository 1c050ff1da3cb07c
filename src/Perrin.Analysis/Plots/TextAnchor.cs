namespace Perrin.Analysis.Plots;

/// <summary>Which point of a text label its position gives.</summary>
public enum TextAnchor
{
    Start,
    Middle,
    End,
}
