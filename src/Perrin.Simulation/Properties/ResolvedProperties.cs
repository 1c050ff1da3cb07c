namespace Perrin.Simulation.Properties;

/// <summary>Every property of one sample: those drawn once per sample by path, repeated groups by prefix.</summary>
public sealed class ResolvedProperties
{
    private readonly PropertyValue[] _values;
    private readonly Dictionary<string, int> _slots;
    private readonly List<ResolvedGroup> _groups;

    internal ResolvedProperties(PropertyValue[] values, Dictionary<string, int> slots, List<ResolvedGroup> groups)
    {
        _values = values;
        _slots = slots;
        _groups = groups;
    }

    public IReadOnlyList<ResolvedGroup> Groups => _groups;

    /// <summary>Index of the stream the sample was drawn from: the sample index, for <c>RecipeSampler.Resolve(ulong)</c>.</summary>
    public ulong Stream { get; internal init; }

    /// <summary>A property drawn once per sample (including the counts and the members of single-copy groups).</summary>
    public PropertyValue this[string path] =>
        TryGet(path, out var value) ? value : throw new KeyNotFoundException($"no property '{path}' is drawn once per sample");

    public bool TryGet(string path, out PropertyValue value)
    {
        if (_slots.TryGetValue(path, out var slot))
        {
            value = _values[slot];
            return true;
        }

        value = default;
        return false;
    }

    public double Number(string path) => this[path].Number;

    public ResolvedGroup Group(string prefix) =>
        _groups.Find(g => g.Prefix == prefix) ?? throw new KeyNotFoundException($"no repeated group '{prefix}'");
}
