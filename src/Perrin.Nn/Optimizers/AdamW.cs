using Perrin.Nn.Tensors;

namespace Perrin.Nn.Optimizers;

/// <summary>AdamW as torch.optim.AdamW: decoupled weight decay p = p·(1 − lr·λ), then the Adam update.</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<(string Name, Tensor Tensor)> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2)
        : base(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: true)
    {
    }
}
