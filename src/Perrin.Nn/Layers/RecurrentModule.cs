using System.Globalization;
using Perrin.Core.Randomness;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>
/// The shared part of LSTM and GRU: stacked layers with PyTorch's parameter names (weight_ih_l{k}, weight_hh_l{k},
/// bias_ih_l{k}, bias_hh_l{k}, gates stacked along the rows) and batch-first (N, T, features) sequences. The input
/// projection of every step is one matrix product over the whole sequence; the steps then only add the hidden one.
/// </summary>
public abstract class RecurrentModule : Module
{
    private readonly Tensor[] _weightIh;
    private readonly Tensor[] _weightHh;
    private readonly Tensor?[] _biasIh;
    private readonly Tensor?[] _biasHh;

    private protected RecurrentModule(string kind, int gates, int inputSize, int hiddenSize, RandomStream rng, int numLayers, bool bias)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inputSize < 1 || hiddenSize < 1 || numLayers < 1)
            throw new ArgumentException($"{kind}: input size {inputSize}, hidden size {hiddenSize} and {numLayers} layers must all be positive.");
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        _weightIh = new Tensor[numLayers];
        _weightHh = new Tensor[numLayers];
        _biasIh = new Tensor?[numLayers];
        _biasHh = new Tensor?[numLayers];
        // PyTorch draws every weight and bias from U(−1/√H, 1/√H), in this order.
        var bound = 1f / MathF.Sqrt(hiddenSize);
        var rows = gates * hiddenSize;
        for (var l = 0; l < numLayers; l++)
        {
            var suffix = "_l" + l.ToString(CultureInfo.InvariantCulture);
            var inF = l == 0 ? inputSize : hiddenSize;
            _weightIh[l] = RegisterParameter("weight_ih" + suffix, Tensor.Uniform(rng, -bound, bound, rows, inF));
            _weightHh[l] = RegisterParameter("weight_hh" + suffix, Tensor.Uniform(rng, -bound, bound, rows, hiddenSize));
            if (!bias) continue;
            _biasIh[l] = RegisterParameter("bias_ih" + suffix, Tensor.Uniform(rng, -bound, bound, rows));
            _biasHh[l] = RegisterParameter("bias_hh" + suffix, Tensor.Uniform(rng, -bound, bound, rows));
        }
    }

    /// <summary>"LSTM" or "GRU", for messages.</summary>
    protected string Kind { get; }

    /// <summary>Features per step of the input.</summary>
    public int InputSize { get; }

    /// <summary>Features of the hidden state.</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked layers.</summary>
    public int NumLayers { get; }

    /// <summary>Input-to-hidden weight of a layer, [gates·H, in].</summary>
    public Tensor WeightIh(int layer) => _weightIh[layer];

    /// <summary>Hidden-to-hidden weight of a layer, [gates·H, H].</summary>
    public Tensor WeightHh(int layer) => _weightHh[layer];

    /// <summary>Input-to-hidden bias of a layer, or null.</summary>
    public Tensor? BiasIh(int layer) => _biasIh[layer];

    /// <summary>Hidden-to-hidden bias of a layer, or null.</summary>
    public Tensor? BiasHh(int layer) => _biasHh[layer];

    /// <summary>The output sequence (N, T, H); the final states come with the layer's Run method.</summary>
    public override Tensor Forward(Tensor input) => RunLayers(input, null, null).Output;

    /// <summary>Runs every layer; states given as (num_layers, N, H) start the sequence, zeros otherwise.</summary>
    private protected RecurrentOutput RunLayers(Tensor input, Tensor? h0, Tensor? c0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 3 || input.Shape[2] != InputSize || input.Shape[1] < 1)
            throw new ArgumentException($"{Kind}({InputSize}→{HiddenSize}): input of shape {ShapeText.Format(input.Shape)}, expected batch-first [N, T ≥ 1, {InputSize}].");
        int n = input.Shape[0], steps = input.Shape[1];
        CheckState("h0", h0, n);
        CheckState("c0", c0, n);
        var x = input;
        var finalH = new Tensor[NumLayers];
        var finalC = new Tensor[NumLayers];
        for (var l = 0; l < NumLayers; l++)
        {
            var xFlat = Reshaping.Reshape(x, n * steps, x.Shape[2]);
            var projected = LinearAlgebra.Linear(xFlat, _weightIh[l], _biasIh[l]);
            var xp = Reshaping.Reshape(projected, n, steps, projected.Shape[1]);
            var h = InitialState(h0, l, n);
            var c = InitialState(c0, l, n);
            var outputs = new Tensor[steps];
            for (var t = 0; t < steps; t++)
            {
                var xt = Reshaping.Reshape(Reshaping.Slice(xp, 1, t, 1), n, xp.Shape[2]);
                var hp = LinearAlgebra.Linear(h, _weightHh[l], _biasHh[l]);
                (h, c) = Cell(xt, hp, h, c);
                outputs[t] = Reshaping.Reshape(h, n, 1, HiddenSize);
            }
            x = Reshaping.Concat(outputs, 1);
            finalH[l] = Reshaping.Reshape(h, 1, n, HiddenSize);
            finalC[l] = Reshaping.Reshape(c, 1, n, HiddenSize);
        }
        var hidden = Reshaping.Concat(finalH, 0);
        var cell = UsesCell ? Reshaping.Concat(finalC, 0) : null;
        return new RecurrentOutput(x, hidden, cell);
    }

    /// <summary>True when the layer carries a cell state besides the hidden state.</summary>
    private protected abstract bool UsesCell { get; }

    /// <summary>
    /// One step: from the input projection x·W_ihᵀ + b_ih and hidden projection h·W_hhᵀ + b_hh (both [N, gates·H])
    /// and the previous states to the new hidden and cell state.
    /// </summary>
    private protected abstract (Tensor Hidden, Tensor Cell) Cell(Tensor xProjected, Tensor hProjected, Tensor hidden, Tensor cell);

    private Tensor InitialState(Tensor? given, int layer, int n) =>
        given is null ? Tensor.Zeros(n, HiddenSize) : Reshaping.Reshape(Reshaping.Slice(given, 0, layer, 1), n, HiddenSize);

    private void CheckState(string name, Tensor? state, int n)
    {
        if (state is not null && (state.Rank != 3 || state.Shape[0] != NumLayers || state.Shape[1] != n || state.Shape[2] != HiddenSize))
            throw new ArgumentException($"{Kind}({InputSize}→{HiddenSize}): {name} of shape {ShapeText.Format(state.Shape)}, expected [{NumLayers}, {n}, {HiddenSize}].");
    }
}
