namespace Perrin.Simulation.Properties;

/// <summary>Creates the nodes of a property graph, binds their references by the scoping rules of <see cref="PropertyGraph"/> and orders them.</summary>
internal sealed class PropertyGraphCompiler(List<PropertyDefinition> globals, List<RepeatedGroup> groups)
{
    private readonly Dictionary<string, PropertyNode> _sampleNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PropertyNode> _copyNodes = new(StringComparer.Ordinal);
    private readonly List<PropertyNode> _sampleOrder = [];
    private readonly List<List<PropertyNode>> _groupMembers = [];

    public (List<PropertyNode> Globals, List<(RepeatedGroup Group, List<PropertyNode> Members)> Groups) Compile()
    {
        CreateNodes();
        foreach (var node in _sampleNodes.Values.Concat(_copyNodes.Values))
        {
            node.Targets = [.. node.Spec.References.Select(r => Bind(node, r))];
        }

        var sample = TopologicalOrder.Of(_sampleOrder, n => n.Group < 0);
        var orderedGroups = new List<(RepeatedGroup, List<PropertyNode>)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups[g].IsSingle
                ? _sampleOrder.Where(n => n.SingleGroup == g).ToList()
                : TopologicalOrder.Of(_groupMembers[g], n => n.Group == g);
            orderedGroups.Add((groups[g], members));
        }

        return (sample, orderedGroups);
    }

    private void CreateNodes()
    {
        foreach (var definition in globals)
        {
            AddSampleNode(new PropertyNode(definition.Path, definition.Path, definition.Spec, definition.Range, -1, StablePathHash.Of(definition.Path)));
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            AddSampleNode(new PropertyNode(group.CountPath, group.CountPath, group.Count, CountRange, -1, StablePathHash.Of(group.CountPath)));
            var members = new List<PropertyNode>();
            foreach (var member in group.Members)
            {
                var path = group.Prefix + "." + member.Path;
                if (group.IsSingle)
                {
                    AddSampleNode(new PropertyNode(path, member.Path, member.Spec, member.Range, -1, StablePathHash.Of(member.Path)) { SingleGroup = g });
                    continue;
                }

                var node = new PropertyNode(path, member.Path, member.Spec, member.Range, g, StablePathHash.Of(member.Path));
                Validate(node);
                if (!_copyNodes.TryAdd(path, node) || _sampleNodes.ContainsKey(path))
                {
                    throw new PropertyException(path, $"{path} is defined twice");
                }

                members.Add(node);
            }

            _groupMembers.Add(members);
        }
    }

    private static ValueRange CountRange { get; } = ValueRange.Integers(0, PropertyLimits.MaxCount);

    private void AddSampleNode(PropertyNode node)
    {
        Validate(node);
        if (!_sampleNodes.TryAdd(node.Path, node) || _copyNodes.ContainsKey(node.Path))
        {
            throw new PropertyException(node.Path, $"{node.Path} is defined twice");
        }

        _sampleOrder.Add(node);
    }

    private static void Validate(PropertyNode node)
    {
        if (node.Spec.Check() is { } problem)
        {
            throw new PropertyException(node.Path, $"{node.Path}: {problem}");
        }

        if (node.Range is { } range && SpecRangeCheck.Problem(node.Spec, range) is { } outside)
        {
            throw new PropertyException(node.Path, $"{node.Path} = {SpecText.Describe(node.Spec)} {outside}");
        }
    }

    private PropertyNode Bind(PropertyNode node, string reference)
    {
        var scope = Parent(node.Path);
        var bare = !reference.Contains('.', StringComparison.Ordinal) && !reference.Contains('[', StringComparison.Ordinal);
        var path = bare && scope.Length > 0 ? scope + "." + reference : reference;
        var target = Lookup(node, path);
        if (target.Spec is ConstantSpec { Value.IsNumber: false } || (target.Spec is ChoiceSpec choice && choice.Hull is null))
        {
            throw new PropertyException(node.Path, $"{node.Path}: {reference} is not a number, so an expression cannot use it");
        }

        return target;
    }

    private PropertyNode Lookup(PropertyNode node, string path)
    {
        if (node.Group >= 0 && _copyNodes.TryGetValue(path, out var member) && member.Group == node.Group)
        {
            return member;
        }

        if (_sampleNodes.TryGetValue(path, out var sampleNode))
        {
            return sampleNode;
        }

        if (_copyNodes.TryGetValue(path, out var other))
        {
            var prefix = groups[other.Group].Prefix;
            throw new PropertyException(node.Path,
                $"{node.Path}: {path} is drawn separately for each copy of {prefix}, so it has no single value here; "
                + $"only {prefix}.count can be read from outside {prefix}, or its properties when its count is 1");
        }

        var scope = Parent(node.Path);
        var siblings = _sampleNodes.Keys.Concat(_copyNodes.Keys).Where(p => Parent(p) == scope && p != node.Path).Select(p => p[(scope.Length + 1)..]).ToList();
        var known = siblings.Count > 0 ? $"; its siblings are {string.Join(", ", siblings)}" : string.Empty;
        var guess = Suggestions.Closest(path, _sampleNodes.Keys.Concat(_copyNodes.Keys));
        var hint = guess is null ? string.Empty : $" (did you mean {guess}?)";
        throw new PropertyException(node.Path, $"{node.Path} refers to {path}, which is not a property{hint}{known}");
    }

    internal static string Parent(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? string.Empty : path[..dot];
    }
}
