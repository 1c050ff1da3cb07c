using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>
/// Gated recurrent unit over batch-first sequences, as PyTorch's GRU with batch_first = true: gates in the order
/// reset, update, new; n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)) and h′ = (1 − z)·n + z·h.
/// </summary>
public sealed class GRU : RecurrentModule
{
    /// <summary>A GRU of <paramref name="numLayers"/> stacked layers, initialized from <paramref name="rng"/>.</summary>
    public GRU(int inputSize, int hiddenSize, RandomStream rng, int numLayers = 1, bool bias = true)
        : base("GRU", 3, inputSize, hiddenSize, rng, numLayers, bias)
    {
    }

    /// <summary>The output sequence with the final hidden state (Cell is null); the initial state defaults to zeros.</summary>
    public RecurrentOutput Run(Tensor input, Tensor? h0 = null) => RunLayers(input, h0, null);

    private protected override bool UsesCell => false;

    private protected override (Tensor Hidden, Tensor Cell) Cell(Tensor xProjected, Tensor hProjected, Tensor hidden, Tensor cell)
    {
        var h = HiddenSize;
        var r = Activations.Sigmoid(Elementwise.Add(Reshaping.Slice(xProjected, 1, 0, h), Reshaping.Slice(hProjected, 1, 0, h)));
        var z = Activations.Sigmoid(Elementwise.Add(Reshaping.Slice(xProjected, 1, h, h), Reshaping.Slice(hProjected, 1, h, h)));
        var nIn = Elementwise.Add(Reshaping.Slice(xProjected, 1, 2 * h, h), Elementwise.Mul(r, Reshaping.Slice(hProjected, 1, 2 * h, h)));
        var n = Activations.Tanh(nIn);
        // h′ = n + z·(h − n), the same value as (1 − z)·n + z·h with one operation fewer.
        var next = Elementwise.Add(n, Elementwise.Mul(z, Elementwise.Sub(hidden, n)));
        return (next, cell);
    }
}
