using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Optimizers;

/// <summary>
/// Stochastic gradient descent as torch.optim.SGD: d = g + λp; with momentum μ, b = d on the first step and
/// b = μb + (1 − τ)d after, then d = d + μb (Nesterov) or d = b; p = p − lr·d.
/// </summary>
public sealed class Sgd : Optimizer
{
    private const string Buffer = "momentum_buffer";

    public Sgd(IEnumerable<(string Name, Tensor Tensor)> parameters, double learningRate, double momentum = 0, double dampening = 0,
        bool nesterov = false, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        CheckRange(momentum, 0, 1, nameof(momentum), nameof(Sgd));
        CheckRange(dampening, 0, 1, nameof(dampening), nameof(Sgd));
        CheckRange(weightDecay, 0, double.MaxValue, nameof(weightDecay), nameof(Sgd));
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Sgd: Nesterov momentum needs a positive momentum and zero dampening.", nameof(nesterov));
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    public double Momentum { get; }

    public double Dampening { get; }

    public bool Nesterov { get; }

    public double WeightDecay { get; }

    protected override bool IsStateKind(string kind) => kind == Buffer && Momentum != 0;

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient, long step)
    {
        var n = parameter.Length;
        var d = Scratch(n).AsSpan(0, n);
        if (WeightDecay != 0) TensorPrimitives.MultiplyAdd(parameter, (float)WeightDecay, gradient, d);
        else gradient.CopyTo(d);
        if (Momentum != 0)
        {
            var existing = FindState(index, Buffer);
            var buffer = State(index, Buffer).AsSpan();
            if (existing is null)
            {
                d.CopyTo(buffer);
            }
            else
            {
                TensorPrimitives.Multiply(buffer, (float)Momentum, buffer);
                TensorPrimitives.MultiplyAdd(d, (float)(1 - Dampening), buffer, buffer);
            }
            if (Nesterov) TensorPrimitives.MultiplyAdd(buffer, (float)Momentum, d, d);
            else buffer.CopyTo(d);
        }
        TensorPrimitives.MultiplyAdd(d, (float)-LearningRate, parameter, parameter);
    }
}
