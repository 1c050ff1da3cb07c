using System.Globalization;
using Perrin.Nn.Layers;

namespace Perrin.Nn.Models;

/// <summary>
/// Modules applied one after the other, each registered under the index it has in the equivalent PyTorch
/// nn.Sequential. Indices may skip: a convolution with its ReLU fused in stands at index i and the ReLU's index
/// i + 1 stays empty, so the state-dict names are torch's. Without a graph every intermediate result is given
/// back to the pool as soon as the next module has consumed it.
/// </summary>
public class Chain : Module
{
    private readonly List<(int Index, Module Module)> _modules = [];

    /// <summary>The modules with their indices, in order.</summary>
    public IReadOnlyList<(int Index, Module Module)> Modules => _modules;

    /// <summary>The index the next <see cref="Add(Module)"/> uses, and what a PyTorch Sequential would use next.</summary>
    public int NextIndex { get; private set; }

    /// <summary>Appends a module at the next index.</summary>
    public Chain Add(Module module) => Add(NextIndex, module);

    /// <summary>Appends a module at <paramref name="index"/>, which must be past every index used so far.</summary>
    public Chain Add(int index, Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (index < NextIndex)
            throw new ArgumentException($"{GetType().Name}: index {index} comes before the next free index {NextIndex}.");
        RegisterModule(index.ToString(CultureInfo.InvariantCulture), module);
        _modules.Add((index, module));
        NextIndex = index + 1;
        return this;
    }

    /// <summary>Leaves an index empty, as the slot of an activation fused into the previous module.</summary>
    public Chain Skip()
    {
        NextIndex++;
        return this;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Continue(input, input, 0);
    }

    /// <summary>
    /// Runs modules [<paramref name="from"/>, end) on <paramref name="x"/>, releasing each intermediate result but
    /// never <paramref name="input"/>, the chain's own input.
    /// </summary>
    protected Tensor Continue(Tensor x, Tensor input, int from)
    {
        for (var i = from; i < _modules.Count; i++)
        {
            var y = _modules[i].Module.Forward(x);
            Intermediate.Release(x, input, y);
            x = y;
        }
        return x;
    }
}
