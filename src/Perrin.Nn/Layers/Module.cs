using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>
/// A network building block: it owns parameters (trained), buffers (state such as running statistics) and
/// sub-modules, named with PyTorch's dotted state-dict convention so model files map one-to-one onto torch's.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> _parameters = [];
    private readonly List<(string Name, Tensor Tensor)> _buffers = [];
    private readonly List<(string Name, Module Module)> _children = [];

    /// <summary>True in training mode (dropout active, batch statistics used); see <see cref="Train"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Runs the module.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Registers a trainable tensor under <paramref name="name"/>; it requires gradients from now on.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        tensor.RequiresGrad = true;
        tensor.Name = name;
        _parameters.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers state that is saved with the model but not trained.</summary>
    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        tensor.Name = name;
        _buffers.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers a sub-module; its tensors are named "<paramref name="name"/>.…".</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        _children.Add((name, module));
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
            throw new ArgumentException($"{GetType().Name}: '{name}' is not a valid member name (non-empty, no dots).");
        foreach (var (n, _) in _parameters) Duplicate(n, name);
        foreach (var (n, _) in _buffers) Duplicate(n, name);
        foreach (var (n, _) in _children) Duplicate(n, name);
    }

    private void Duplicate(string existing, string name)
    {
        if (existing == name) throw new ArgumentException($"{GetType().Name}: '{name}' is registered twice.");
    }

    /// <summary>The direct sub-modules in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> Children() => _children;

    /// <summary>Every parameter with its dotted name, depth first in registration order.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters(string prefix = "")
    {
        foreach (var (n, t) in _parameters) yield return (prefix + n, t);
        foreach (var (n, m) in _children)
            foreach (var p in m.NamedParameters(prefix + n + ".")) yield return p;
    }

    /// <summary>Every buffer with its dotted name.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers(string prefix = "")
    {
        foreach (var (n, t) in _buffers) yield return (prefix + n, t);
        foreach (var (n, m) in _children)
            foreach (var b in m.NamedBuffers(prefix + n + ".")) yield return b;
    }

    /// <summary>The trainable tensors.</summary>
    public IReadOnlyList<Tensor> Parameters()
    {
        var list = new List<Tensor>();
        foreach (var (_, t) in NamedParameters()) list.Add(t);
        return list;
    }

    /// <summary>The number of trainable values.</summary>
    public long ParameterCount()
    {
        long n = 0;
        foreach (var (_, t) in NamedParameters()) n += t.Length;
        return n;
    }

    /// <summary>Parameters then buffers by dotted name: what a model file holds.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (n, t) in NamedParameters()) dict[n] = t;
        foreach (var (n, t) in NamedBuffers()) dict[n] = t;
        return dict;
    }

    /// <summary>
    /// Copies values into the parameters and buffers. Every name must be present with the same shape; the first
    /// missing, unexpected or mis-shaped entry is reported.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, float[]> values, IReadOnlyDictionary<string, int[]>? shapes = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var state = StateDict();
        foreach (var name in values.Keys)
            if (!state.ContainsKey(name)) throw new InvalidOperationException($"{GetType().Name}: unexpected tensor '{name}' in the state to load.");
        foreach (var (name, t) in state)
        {
            if (!values.TryGetValue(name, out var v)) throw new InvalidOperationException($"{GetType().Name}: tensor '{name}' is missing from the state to load.");
            if (shapes is not null && shapes.TryGetValue(name, out var shape) && !shape.AsSpan().SequenceEqual(t.Shape))
                throw new InvalidOperationException($"{GetType().Name}: tensor '{name}' has shape {ShapeText.Format(shape)}, the model expects {ShapeText.Format(t.Shape)}.");
            if (v.Length != t.Length)
                throw new InvalidOperationException($"{GetType().Name}: tensor '{name}' has {v.Length} values, the model expects {t.Length} for shape {ShapeText.Format(t.Shape)}.");
            v.CopyTo(t.Span);
        }
    }

    /// <summary>Switches training mode on or off, recursively.</summary>
    public void Train(bool on = true)
    {
        IsTraining = on;
        foreach (var (_, m) in _children) m.Train(on);
    }

    /// <summary>Inference mode: running statistics, no dropout.</summary>
    public void Eval() => Train(false);

    /// <summary>Forgets the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, t) in NamedParameters()) t.ZeroGrad();
    }
}
