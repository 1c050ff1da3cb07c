using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Autograd;

/// <summary>Reverse-mode differentiation over the recorded graph, in reverse topological order.</summary>
internal static class BackwardPass
{
    public static void Run(Tensor root, Tensor? gradient)
    {
        if (!root.RequiresGrad)
            throw new InvalidOperationException($"Backward: {root} does not require a gradient (no input of its graph has RequiresGrad).");
        Tensor seed;
        if (gradient is null)
        {
            if (root.Length != 1)
                throw new InvalidOperationException($"Backward: {root} has {root.Length} elements; pass the gradient of the output explicitly.");
            seed = Tensor.Ones(root.ShapeArray());
        }
        else
        {
            if (!gradient.Shape.SequenceEqual(root.Shape))
                throw new ArgumentException($"Backward: gradient of shape {ShapeText.Format(gradient.Shape)} for a tensor of shape {ShapeText.Format(root.Shape)}.");
            seed = Tensor.FromArray(gradient.Span, root.ShapeArray());
        }

        var order = TopologicalOrder(root);
        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [root] = seed };
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            if (!grads.Remove(t, out var g)) continue;
            if (t.GradFn is not { BackwardFunction: { } backward } node)
            {
                Accumulate(t, g);
                continue;
            }
            var inputGrads = backward(g);
            g.Dispose();
            for (var k = 0; k < node.Inputs.Length; k++)
            {
                var gi = inputGrads[k];
                if (gi is null) continue;
                var input = node.Inputs[k];
                if (!input.RequiresGrad || ReferenceEquals(gi, input))
                {
                    if (!ReferenceEquals(gi, input)) gi.Dispose();
                    continue;
                }
                if (!gi.Shape.SequenceEqual(input.Shape))
                    throw new InvalidOperationException($"Backward of {node.Op}: gradient of shape {ShapeText.Format(gi.Shape)} for input {k} of shape {ShapeText.Format(input.Shape)}.");
                if (grads.TryGetValue(input, out var existing))
                {
                    TensorPrimitives.Add(existing.Span, gi.Span, existing.Span);
                    gi.Dispose();
                }
                else
                {
                    grads[input] = gi;
                }
            }
        }
        foreach (var g in grads.Values) g.Dispose();
    }

    private static void Accumulate(Tensor leaf, Tensor g)
    {
        if (!leaf.RequiresGrad)
        {
            g.Dispose();
            return;
        }
        if (leaf.Grad is null || leaf.Grad.IsDisposed)
        {
            leaf.Grad = g;
            return;
        }
        TensorPrimitives.Add(leaf.Grad.Span, g.Span, leaf.Grad.Span);
        g.Dispose();
    }

    /// <summary>Tensors of the graph with every input before the tensors computed from it.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(Tensor Tensor, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
            var inputs = t.GradFn?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((t, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && visited.Add(child)) stack.Push((child, 0));
                continue;
            }
            order.Add(t);
        }
        return order;
    }

    public static void DisposeGraph(Tensor root)
    {
        var stack = new Stack<Tensor>();
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        stack.Push(root);
        seen.Add(root);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            var node = t.GradFn;
            if (node is null)
            {
                if (ReferenceEquals(t, root)) t.Dispose();
                continue;
            }
            foreach (var input in node.Inputs)
                if (seen.Add(input)) stack.Push(input);
            node.Release(disposeSaved: true);
            t.DetachGraph();
            t.Dispose();
        }
    }
}
