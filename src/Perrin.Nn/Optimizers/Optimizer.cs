using System.Globalization;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Optimizers;

/// <summary>
/// Updates parameters from their gradients. State (moment estimates, momentum buffers, step counts) is kept per
/// parameter and exported under PyTorch's names ("exp_avg.&lt;param&gt;", "step.&lt;param&gt;", …) so a checkpoint
/// restores it exactly. Parameters without a gradient are skipped, as in PyTorch.
/// </summary>
public abstract class Optimizer
{
    private const string StepKey = "step";
    private readonly (string Name, Tensor Tensor)[] _parameters;
    private readonly Dictionary<string, float[]>[] _state;
    private readonly long[] _steps;

    protected Optimizer(IEnumerable<(string Name, Tensor Tensor)> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = new List<(string, Tensor)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, t) in parameters)
        {
            ArgumentNullException.ThrowIfNull(t);
            if (string.IsNullOrEmpty(name) || !names.Add(name))
                throw new ArgumentException($"{GetType().Name}: parameter name '{name}' is empty or given twice.", nameof(parameters));
            list.Add((name, t));
        }
        _parameters = [.. list];
        _state = new Dictionary<string, float[]>[_parameters.Length];
        for (var i = 0; i < _state.Length; i++) _state[i] = new Dictionary<string, float[]>(StringComparer.Ordinal);
        _steps = new long[_parameters.Length];
        LearningRate = learningRate;
    }

    /// <summary>Names each tensor by its position ("0", "1", …), for parameters that are not a module's.</summary>
    public static IEnumerable<(string Name, Tensor Tensor)> Indexed(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var i = 0;
        foreach (var t in parameters) yield return ((i++).ToString(CultureInfo.InvariantCulture), t);
    }

    /// <summary>The learning rate of the next <see cref="Step"/>; schedules set it.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0) || double.IsInfinity(value))
                throw new ArgumentOutOfRangeException(nameof(value), value, $"{GetType().Name}: the learning rate must be finite and non-negative.");
            _learningRate = value;
        }
    }

    private double _learningRate;

    /// <summary>The parameters with their names.</summary>
    public IReadOnlyList<(string Name, Tensor Tensor)> Parameters => _parameters;

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var (name, p) = _parameters[i];
            if (p.Grad is not { IsDisposed: false } g) continue;
            if (g.Length != p.Length)
                throw new InvalidOperationException($"{GetType().Name}: gradient of shape {ShapeText.Format(g.Shape)} for parameter '{name}' of shape {ShapeText.Format(p.Shape)}.");
            _steps[i]++;
            Update(i, p.Span, g.Span, _steps[i]);
        }
    }

    /// <summary>Forgets the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in _parameters) p.ZeroGrad();
    }

    /// <summary>Updates parameter <paramref name="index"/> in place; <paramref name="step"/> counts from 1.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient, long step);

    /// <summary>The state buffer <paramref name="kind"/> of a parameter, or null before it was created.</summary>
    protected float[]? FindState(int index, string kind) => _state[index].GetValueOrDefault(kind);

    /// <summary>The state buffer <paramref name="kind"/> of a parameter, created as zeros on first use.</summary>
    protected float[] State(int index, string kind)
    {
        if (!_state[index].TryGetValue(kind, out var s))
        {
            s = new float[_parameters[index].Tensor.Length];
            _state[index][kind] = s;
        }
        return s;
    }

    /// <summary>Copies of every state buffer as "&lt;kind&gt;.&lt;param&gt;", and each stepped parameter's count as "step.&lt;param&gt;".</summary>
    public IReadOnlyDictionary<string, float[]> StateDict()
    {
        var dict = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++)
        {
            var name = _parameters[i].Name;
            if (_steps[i] > 0)
            {
                if (_steps[i] > 1 << 24)
                    throw new InvalidOperationException($"{GetType().Name}: {_steps[i]} steps of '{name}' do not fit a float exactly.");
                dict[StepKey + "." + name] = [_steps[i]];
            }
            foreach (var (kind, values) in _state[i]) dict[kind + "." + name] = (float[])values.Clone();
        }
        return dict;
    }

    /// <summary>Replaces all state with <paramref name="state"/> as <see cref="StateDict"/> wrote it; it is checked whole first.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, float[]> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++) index[_parameters[i].Name] = i;
        var steps = new long[_parameters.Length];
        var buffers = new List<(int Index, string Kind, float[] Values)>();
        foreach (var (key, values) in state)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !index.TryGetValue(key[(dot + 1)..], out var i))
                throw new InvalidOperationException($"{GetType().Name}: state '{key}' names no parameter of this optimizer.");
            var kind = key[..dot];
            if (kind == StepKey)
            {
                if (values is not [var s] || !(s >= 1f && s <= 1 << 24 && MathF.Round(s) == s))
                    throw new InvalidOperationException($"{GetType().Name}: state '{key}' must be one whole step count of at least 1.");
                steps[i] = (long)s;
                continue;
            }
            if (!IsStateKind(kind)) throw new InvalidOperationException($"{GetType().Name}: '{kind}' in state '{key}' is not state of this optimizer.");
            var length = _parameters[i].Tensor.Length;
            if (values is null || values.Length != length)
                throw new InvalidOperationException($"{GetType().Name}: state '{key}' has {values?.Length ?? 0} values, parameter '{_parameters[i].Name}' has {length}.");
            buffers.Add((i, kind, values));
        }
        for (var i = 0; i < _parameters.Length; i++) _state[i].Clear();
        steps.CopyTo(_steps, 0);
        foreach (var (i, kind, values) in buffers) _state[i][kind] = (float[])values.Clone();
    }

    /// <summary>Whether <paramref name="kind"/> names a state buffer this optimizer keeps.</summary>
    protected abstract bool IsStateKind(string kind);

    /// <summary>Scratch of at least <paramref name="length"/> floats, reused between parameters.</summary>
    protected float[] Scratch(int length)
    {
        if (_scratch.Length < length) _scratch = new float[length];
        return _scratch;
    }

    private float[] _scratch = [];

    protected static void CheckRange(double value, double low, double high, string what, string owner)
    {
        if (!(value >= low && value <= high))
            throw new ArgumentOutOfRangeException(what, value, $"{owner}: {what} must be in [{low}, {high}].");
    }
}
