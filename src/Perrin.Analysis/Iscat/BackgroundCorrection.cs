namespace Perrin.Analysis.Iscat;

/// <summary>How a frame is corrected by a background estimate.</summary>
public enum BackgroundCorrection
{
    /// <summary>frame − background.</summary>
    Subtract,

    /// <summary>frame / background − 1: the iSCAT contrast. A zero background pixel gives ±∞ or NaN.</summary>
    Ratio,
}
