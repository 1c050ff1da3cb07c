using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>
/// The properties of a recipe with their references bound and their evaluation order fixed.
/// <para>Scoping: a bare name (<c>photons</c>) is a sibling: a property with the same parent path, which inside a
/// repeated group is the same copy. A dotted name (<c>optics.na</c>, <c>sample[1].count</c>) is a full path. Inside
/// group <c>sample[k]</c>, <c>sample[k].x</c> is the same copy's <c>x</c>. From outside a group, only its count
/// and, when the count is the constant 1, its properties can be read: a property drawn per copy has no single
/// value. <c>pi</c> is always the constant.</para>
/// <para>Randomness: each property draws from its own substream of the sample's stream, keyed by the stable hash
/// of its path (for copy c of group g: the stream of g's prefix, then c, then the member's name), so draws do not
/// depend on the order of evaluation, on other properties, or on the thread.</para>
/// </summary>
public sealed class PropertyGraph
{
    private readonly List<PropertyNode> _globals;
    private readonly List<GroupPlan> _groups;
    private readonly Dictionary<string, int> _globalSlots;

    private PropertyGraph(List<PropertyNode> globals, List<GroupPlan> groups, Dictionary<string, int> globalSlots)
    {
        _globals = globals;
        _groups = groups;
        _globalSlots = globalSlots;
    }

    /// <summary>Binds references and orders evaluation; a <see cref="PropertyException"/> names the first problem (unknown name, cycle, bad spec).</summary>
    public static PropertyGraph Build(IEnumerable<PropertyDefinition> globals, IEnumerable<RepeatedGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(groups);
        var compiler = new PropertyGraphCompiler([.. globals], [.. groups]);
        var (globalOrder, groupOrders) = compiler.Compile();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < globalOrder.Count; i++)
        {
            globalOrder[i].Slot = i;
            slots.Add(globalOrder[i].Path, i);
        }

        var plans = new List<GroupPlan>();
        for (var g = 0; g < groupOrders.Count; g++)
        {
            var (group, members) = groupOrders[g];
            for (var i = 0; i < members.Count && !group.IsSingle; i++)
            {
                members[i].Slot = i;
            }

            plans.Add(new GroupPlan(group, members, StablePathHash.Of(group.Prefix), slots[group.CountPath]));
        }

        foreach (var node in globalOrder.Concat(groupOrders.SelectMany(g => g.Members)))
        {
            node.References = Array.ConvertAll(node.Targets, t => t.Group < 0 ? t.Slot : ~t.Slot);
        }

        return new PropertyGraph(globalOrder, plans, slots);
    }

    /// <summary>The paths drawn once per sample, in evaluation order.</summary>
    public IReadOnlyList<string> GlobalPaths => _globals.ConvertAll(n => n.Path);

    /// <summary>Resolves every property of one sample from that sample's stream.</summary>
    public ResolvedProperties Resolve(RandomStream sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var values = new PropertyValue[_globals.Count];
        Span<double> buffer = stackalloc double[16];
        foreach (var node in _globals)
        {
            var stream = node.SingleGroup >= 0
                ? sample.Substream(StablePathHash.Of(_groups[node.SingleGroup].Group.Prefix)).Substream(0).Substream(node.Key)
                : sample.Substream(node.Key);
            values[node.Slot] = Draw(node, stream, values, null, buffer);
        }

        var resolved = new List<ResolvedGroup>(_groups.Count);
        foreach (var plan in _groups)
        {
            resolved.Add(plan.Resolve(sample, values, buffer));
        }

        return new ResolvedProperties(values, _globalSlots, resolved) { Stream = sample.Stream };
    }

    internal static PropertyValue Draw(PropertyNode node, RandomStream stream, PropertyValue[] globals, PropertyValue[]? copy, Span<double> buffer)
    {
        var references = node.References.Length <= buffer.Length ? buffer[..node.References.Length] : new double[node.References.Length];
        for (var i = 0; i < node.References.Length; i++)
        {
            var target = node.References[i];
            var value = target >= 0 ? globals[target] : copy![~target];
            if (!value.IsNumber)
            {
                throw new PropertyException(node.Path, $"{node.Path}: {node.Spec.References[i]} is '{value}', not a number");
            }

            references[i] = value.Number;
        }

        PropertyValue result;
        try
        {
            result = node.Spec.Draw(stream, references);
        }
        catch (PropertyException error)
        {
            throw new PropertyException(node.Path, $"{node.Path}: {error.Problem}");
        }

        if (node.Range is { } range && !(result.IsNumber && range.Contains(result.Number)))
        {
            throw new PropertyException(node.Path, $"{node.Path} = {result} was drawn, but it must be {range}");
        }

        return result;
    }
}
