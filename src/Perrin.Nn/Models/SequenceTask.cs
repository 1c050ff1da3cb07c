namespace Perrin.Nn.Models;

/// <summary>What a sequence model's outputs mean, so that training picks the matching loss.</summary>
public enum SequenceTask
{
    /// <summary>One logit per class (use softmax cross-entropy).</summary>
    Classification,

    /// <summary>Real-valued outputs (use MSE, MAE or a likelihood).</summary>
    Regression,
}
