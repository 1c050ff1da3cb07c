using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>How to draw the copies of one repeated group; a single-copy group's members are drawn with the sample's properties.</summary>
internal sealed class GroupPlan(RepeatedGroup group, List<PropertyNode> members, ulong prefixKey, int countSlot)
{
    public RepeatedGroup Group { get; } = group;

    public ResolvedGroup Resolve(RandomStream sample, PropertyValue[] globals, Span<double> buffer)
    {
        var names = members.ConvertAll(m => m.Name);
        if (Group.IsSingle)
        {
            var single = new PropertyValue[members.Count][];
            for (var m = 0; m < members.Count; m++)
            {
                single[m] = [globals[members[m].Slot]];
            }

            return new ResolvedGroup(Group.Prefix, 1, names, single);
        }

        var count = (int)globals[countSlot].Number;
        var columns = new PropertyValue[members.Count][];
        for (var m = 0; m < members.Count; m++)
        {
            columns[m] = new PropertyValue[count];
        }

        var groupStream = sample.Substream(prefixKey);
        var copy = new PropertyValue[members.Count];
        for (var c = 0; c < count; c++)
        {
            var copyStream = groupStream.Substream((ulong)c);
            foreach (var node in members)
            {
                copy[node.Slot] = PropertyGraph.Draw(node, copyStream.Substream(node.Key), globals, copy, buffer);
                columns[node.Slot][c] = copy[node.Slot];
            }
        }

        return new ResolvedGroup(Group.Prefix, count, names, columns);
    }
}
