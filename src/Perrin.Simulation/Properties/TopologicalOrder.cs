namespace Perrin.Simulation.Properties;

/// <summary>Depth-first ordering of nodes after their targets, iterative so that long chains cannot overflow the stack.</summary>
internal static class TopologicalOrder
{
    public static List<PropertyNode> Of(List<PropertyNode> nodes, Func<PropertyNode, bool> inScope)
    {
        var state = new Dictionary<PropertyNode, bool>(ReferenceEqualityComparer.Instance);
        var order = new List<PropertyNode>(nodes.Count);
        var stack = new List<(PropertyNode Node, int Next)>();
        foreach (var start in nodes)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            state[start] = false;
            stack.Add((start, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack[^1];
                if (next == node.Targets.Length)
                {
                    stack.RemoveAt(stack.Count - 1);
                    state[node] = true;
                    order.Add(node);
                    continue;
                }

                stack[^1] = (node, next + 1);
                var target = node.Targets[next];
                if (!inScope(target))
                {
                    continue;
                }

                if (!state.TryGetValue(target, out var done))
                {
                    state[target] = false;
                    stack.Add((target, 0));
                }
                else if (!done)
                {
                    throw Cycle(stack, target);
                }
            }
        }

        return order;
    }

    private static PropertyException Cycle(List<(PropertyNode Node, int Next)> stack, PropertyNode target)
    {
        var from = stack.FindIndex(e => ReferenceEquals(e.Node, target));
        var names = stack.Skip(from).Select(e => e.Node.Path).Append(target.Path);
        return new PropertyException(target.Path,
            $"{string.Join(" → ", names)} form a cycle: a derived property cannot depend on itself");
    }
}
