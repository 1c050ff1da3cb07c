using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Optimizers;

/// <summary>
/// Adam as torch.optim.Adam (1.13, amsgrad off): m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g²,
/// p = p − (lr/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε), the scalars in double as Python forms them. Weight decay adds λp
/// to the gradient (L2); <see cref="AdamW"/> decays the weights directly instead.
/// </summary>
public class Adam : Optimizer
{
    private const string ExpAvg = "exp_avg";
    private const string ExpAvgSq = "exp_avg_sq";

    public Adam(IEnumerable<(string Name, Tensor Tensor)> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0)
        : this(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<(string Name, Tensor Tensor)> parameters, double learningRate, double beta1, double beta2,
        double eps, double weightDecay, bool decoupled)
        : base(parameters, learningRate)
    {
        var owner = decoupled ? nameof(AdamW) : nameof(Adam);
        CheckRange(beta1, 0, 1 - 1e-12, nameof(beta1), owner);
        CheckRange(beta2, 0, 1 - 1e-12, nameof(beta2), owner);
        CheckRange(eps, 0, double.MaxValue, nameof(eps), owner);
        CheckRange(weightDecay, 0, double.MaxValue, nameof(weightDecay), owner);
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        Decoupled = decoupled;
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    public double WeightDecay { get; }

    /// <summary>True for AdamW: p = p·(1 − lr·λ) before the Adam update, instead of adding λp to the gradient.</summary>
    public bool Decoupled { get; }

    protected override bool IsStateKind(string kind) => kind is ExpAvg or ExpAvgSq;

    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient, long step)
    {
        var n = parameter.Length;
        var scratch = Scratch(2 * n);
        var g = gradient;
        if (WeightDecay != 0)
        {
            if (Decoupled)
            {
                TensorPrimitives.Multiply(parameter, (float)(1 - (LearningRate * WeightDecay)), parameter);
            }
            else
            {
                var decayed = scratch.AsSpan(n, n);
                TensorPrimitives.MultiplyAdd(parameter, (float)WeightDecay, gradient, decayed);
                g = decayed;
            }
        }
        var m = State(index, ExpAvg).AsSpan();
        var v = State(index, ExpAvgSq).AsSpan();
        var t = scratch.AsSpan(0, n);
        TensorPrimitives.Multiply(m, (float)Beta1, m);
        TensorPrimitives.MultiplyAdd(g, (float)(1 - Beta1), m, m);
        TensorPrimitives.Multiply(v, (float)Beta2, v);
        TensorPrimitives.Multiply(g, (float)(1 - Beta2), t);
        TensorPrimitives.Multiply(t, g, t);
        TensorPrimitives.Add(v, t, v);
        var stepSize = LearningRate / (1 - Math.Pow(Beta1, step));
        var correction2 = Math.Sqrt(1 - Math.Pow(Beta2, step));
        TensorPrimitives.Sqrt(v, t);
        TensorPrimitives.Divide(t, (float)correction2, t);
        TensorPrimitives.Add(t, (float)Eps, t);
        TensorPrimitives.Divide(m, t, t);
        TensorPrimitives.MultiplyAdd(t, (float)-stepSize, parameter, parameter);
    }
}
