namespace Perrin.Analysis.Iscat;

/// <summary>How the two batch means of the differential rolling average are combined.</summary>
public enum DraMode
{
    /// <summary>
    /// (mean of the later batch − mean of the earlier batch) / mean of the earlier batch: the iSCAT contrast, as
    /// PiSCAT's DifferentialRollingAverage computes it. The default.
    /// </summary>
    Ratio,

    /// <summary>Mean of the later batch − mean of the earlier batch, as PiSCAT's newer video API computes it.</summary>
    Difference,
}
