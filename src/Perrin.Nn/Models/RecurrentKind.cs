namespace Perrin.Nn.Models;

/// <summary>The recurrent encoder of a sequence model.</summary>
public enum RecurrentKind
{
    /// <summary>No recurrent layer: the convolution features are averaged over time.</summary>
    None,

    /// <summary>Long short-term memory; the last step's hidden state is the summary.</summary>
    Lstm,

    /// <summary>Gated recurrent unit; the last step's hidden state is the summary.</summary>
    Gru,
}
