namespace Perrin.Nn.Layers;

/// <summary>
/// What a recurrent layer returns: the last layer's hidden state at every step (N, T, H), and the final hidden
/// state (and, for an LSTM, cell state) of every layer, (num_layers, N, H) as in PyTorch.
/// </summary>
public sealed record RecurrentOutput(Tensor Output, Tensor Hidden, Tensor? Cell);
