using Perrin.Nn.Tensors;

namespace Perrin.Nn.Autograd;

/// <summary>
/// The operation that produced a tensor: its inputs and how to turn the gradient of its output into gradients of
/// its inputs. Backward functions work on raw storage and never record a graph themselves.
/// </summary>
public sealed class Node
{
    internal Node(string op, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        Op = op;
        Inputs = inputs;
        BackwardFunction = backward;
    }

    /// <summary>The operation's name, as used in error messages.</summary>
    public string Op { get; }

    internal Tensor[] Inputs { get; private set; }

    internal Func<Tensor, Tensor?[]>? BackwardFunction { get; private set; }

    /// <summary>Tensors the backward needs that are not inputs or outputs (masks, indices, statistics).</summary>
    internal List<Tensor>? Saved { get; private set; }

    internal void Save(Tensor t) => (Saved ??= []).Add(t);

    /// <summary>Drops what the backward would need, so a consumed graph can be collected.</summary>
    internal void Release(bool disposeSaved)
    {
        BackwardFunction = null;
        if (disposeSaved && Saved is not null)
            foreach (var t in Saved) t.Dispose();
        Saved = null;
        Inputs = [];
    }
}
