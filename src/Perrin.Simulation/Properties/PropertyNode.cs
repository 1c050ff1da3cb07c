namespace Perrin.Simulation.Properties;

/// <summary>One property in a compiled graph. <see cref="Group"/> is −1 for a property drawn once per sample.</summary>
internal sealed class PropertyNode(string path, string name, PropertySpec spec, ValueRange? range, int group, ulong key)
{
    public string Path { get; } = path;

    /// <summary>The path relative to its group, or the full path outside groups.</summary>
    public string Name { get; } = name;

    public PropertySpec Spec { get; } = spec;

    public ValueRange? Range { get; } = range;

    public int Group { get; } = group;

    /// <summary>The substream key: the hash of <see cref="Name"/> inside a group, of <see cref="Path"/> outside.</summary>
    public ulong Key { get; } = key;

    /// <summary>The group whose copies this node's first (and only) copy stands for; −1 otherwise.</summary>
    public int SingleGroup { get; init; } = -1;

    /// <summary>Index of this node's value: among the sample's values for group −1, among its group's columns otherwise.</summary>
    public int Slot { get; set; }

    /// <summary>The nodes this node's spec reads, in the order of <see cref="PropertySpec.References"/>.</summary>
    public PropertyNode[] Targets { get; set; } = [];

    /// <summary>Where each target's value lies: a sample slot when ≥ 0, the copy slot ~r otherwise.</summary>
    public int[] References { get; set; } = [];
}
