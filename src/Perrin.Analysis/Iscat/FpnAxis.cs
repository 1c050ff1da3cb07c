namespace Perrin.Analysis.Iscat;

/// <summary>Which one-dimensional offset pattern the fixed-pattern-noise correction removes.</summary>
public enum FpnAxis
{
    /// <summary>Every row has its own offset: each row's median is subtracted from it (PiSCAT's correction axis 1).</summary>
    Rows,

    /// <summary>
    /// Every column has its own offset, as the column amplifiers of an sCMOS camera give: each column's median is
    /// subtracted from it (PiSCAT's correction axis 0).
    /// </summary>
    Columns,

    /// <summary>Rows first, then columns, in PiSCAT's order for 'Both'.</summary>
    Both,
}
