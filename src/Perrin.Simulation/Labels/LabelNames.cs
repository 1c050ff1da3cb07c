namespace Perrin.Simulation.Labels;

/// <summary>The stable names of the label kinds, as recipes spell them.</summary>
public static class LabelNames
{
    public const string Mask = "mask";
    public const string Heatmap = "heatmap";
    public const string Density = "density";
    public const string SuperResolution = "superres";
    public const string Decode = "decode";
    public const string Volume = "volume";
}
