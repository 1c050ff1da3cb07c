using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>
/// Long short-term memory over batch-first sequences, as PyTorch's LSTM with batch_first = true: gates in the
/// order input, forget, cell, output; c′ = f·c + i·g and h′ = o·tanh(c′).
/// </summary>
public sealed class LSTM : RecurrentModule
{
    /// <summary>An LSTM of <paramref name="numLayers"/> stacked layers, initialized from <paramref name="rng"/>.</summary>
    public LSTM(int inputSize, int hiddenSize, RandomStream rng, int numLayers = 1, bool bias = true)
        : base("LSTM", 4, inputSize, hiddenSize, rng, numLayers, bias)
    {
    }

    /// <summary>The output sequence with the final hidden and cell states; initial states default to zeros.</summary>
    public RecurrentOutput Run(Tensor input, Tensor? h0 = null, Tensor? c0 = null) => RunLayers(input, h0, c0);

    private protected override bool UsesCell => true;

    private protected override (Tensor Hidden, Tensor Cell) Cell(Tensor xProjected, Tensor hProjected, Tensor hidden, Tensor cell)
    {
        var h = HiddenSize;
        var gates = Elementwise.Add(xProjected, hProjected);
        var i = Activations.Sigmoid(Reshaping.Slice(gates, 1, 0, h));
        var f = Activations.Sigmoid(Reshaping.Slice(gates, 1, h, h));
        var g = Activations.Tanh(Reshaping.Slice(gates, 1, 2 * h, h));
        var o = Activations.Sigmoid(Reshaping.Slice(gates, 1, 3 * h, h));
        var c = Elementwise.Add(Elementwise.Mul(f, cell), Elementwise.Mul(i, g));
        return (Elementwise.Mul(o, Activations.Tanh(c)), c);
    }
}
