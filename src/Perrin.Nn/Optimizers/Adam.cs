using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
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
        var scratch = Scratch(n);
        var g = gradient;
        if (WeightDecay != 0)
        {
            if (Decoupled)
            {
                TensorPrimitives.Multiply(parameter, (float)(1 - (LearningRate * WeightDecay)), parameter);
            }
            else
            {
                var decayed = scratch.AsSpan(0, n);
                TensorPrimitives.MultiplyAdd(parameter, (float)WeightDecay, gradient, decayed);
                g = decayed;
            }
        }
        var m = State(index, ExpAvg).AsSpan();
        var v = State(index, ExpAvgSq).AsSpan();
        var stepSize = LearningRate / (1 - Math.Pow(Beta1, step));
        var correction2 = Math.Sqrt(1 - Math.Pow(Beta2, step));
        Fused(parameter, g, m, v, new Coefficients((float)Beta1, (float)(1 - Beta1), (float)Beta2, (float)(1 - Beta2),
            (float)correction2, (float)Eps, (float)-stepSize));
    }

    /// <summary>The update's constants in single precision, as the kernels use them.</summary>
    private readonly record struct Coefficients(float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2,
        float Correction2, float Eps, float MinusStep);

    /// <summary>
    /// The whole update in one pass over the four arrays, vector by vector, with the operations of the step-by-step
    /// form in the same order (m·β₁ + g·(1 − β₁); v·β₂ + (g·(1 − β₂))·g; m / (√v / c₂ + ε); p + that·(−step)) and no
    /// fused multiply-add, so every element rounds as before; eleven passes over memory became one.
    /// </summary>
    private static void Fused(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, in Coefficients c)
    {
        var n = p.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var rp = ref MemoryMarshal.GetReference(p);
            ref var rg = ref MemoryMarshal.GetReference(g);
            ref var rm = ref MemoryMarshal.GetReference(m);
            ref var rv = ref MemoryMarshal.GetReference(v);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var k = (nuint)i;
                var gv = Vector.LoadUnsafe(ref rg, k);
                var mv = (gv * c.OneMinusBeta1) + (Vector.LoadUnsafe(ref rm, k) * c.Beta1);
                var vv = (Vector.LoadUnsafe(ref rv, k) * c.Beta2) + (gv * c.OneMinusBeta2 * gv);
                var t = mv / ((Vector.SquareRoot(vv) / new Vector<float>(c.Correction2)) + new Vector<float>(c.Eps));
                mv.StoreUnsafe(ref rm, k);
                vv.StoreUnsafe(ref rv, k);
                ((t * c.MinusStep) + Vector.LoadUnsafe(ref rp, k)).StoreUnsafe(ref rp, k);
            }
        }
        for (; i < n; i++)
        {
            var mi = (g[i] * c.OneMinusBeta1) + (m[i] * c.Beta1);
            var vi = (v[i] * c.Beta2) + (g[i] * c.OneMinusBeta2 * g[i]);
            var t = mi / ((MathF.Sqrt(vi) / c.Correction2) + c.Eps);
            m[i] = mi;
            v[i] = vi;
            p[i] = (t * c.MinusStep) + p[i];
        }
    }
}
