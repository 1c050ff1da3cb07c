namespace Perrin.Simulation.Labels;

/// <summary>How the footprints of overlapping particles combine in a label pixel.</summary>
public enum LabelCombine
{
    /// <summary>The largest single contribution: overlapping peaks stay at their own height.</summary>
    Max,

    /// <summary>Contributions add up.</summary>
    Sum,
}
