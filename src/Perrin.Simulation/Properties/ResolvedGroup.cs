namespace Perrin.Simulation.Properties;

/// <summary>The copies of one repeated group in one sample, stored by property (one column per member).</summary>
public sealed class ResolvedGroup
{
    private readonly PropertyValue[][] _columns;
    private readonly List<string> _names;

    internal ResolvedGroup(string prefix, int count, List<string> names, PropertyValue[][] columns)
    {
        Prefix = prefix;
        Count = count;
        _names = names;
        _columns = columns;
    }

    public string Prefix { get; }

    public int Count { get; }

    /// <summary>The member names (relative paths), in evaluation order.</summary>
    public IReadOnlyList<string> Names => _names;

    public bool Has(string name) => _names.Contains(name);

    /// <summary>All copies' values of one member.</summary>
    public ReadOnlySpan<PropertyValue> Column(string name) => _columns[IndexOf(name)];

    public PropertyValue Get(int copy, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copy);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(copy, Count);
        return _columns[IndexOf(name)][copy];
    }

    public double Number(int copy, string name) => Get(copy, name).Number;

    private int IndexOf(string name)
    {
        var index = _names.IndexOf(name);
        return index >= 0 ? index : throw new KeyNotFoundException($"{Prefix} has no property '{name}'");
    }
}
