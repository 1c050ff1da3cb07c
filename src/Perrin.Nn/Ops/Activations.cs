using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Activation functions with their exact derivatives.</summary>
public static class Activations
{
    /// <summary>max(x, 0); the gradient at 0 is 0, as in PyTorch.</summary>
    public static Tensor Relu(Tensor x) =>
        Elementwise.Unary("Relu", x, (s, d) => TensorPrimitives.Max(s, 0f, d), (g, _, y, d) => PositiveMask.Apply(g, y, d));

    /// <summary>x for x &gt; 0, slope·x otherwise.</summary>
    public static Tensor LeakyRelu(Tensor x, float slope = 0.01f) =>
        Elementwise.Unary("LeakyRelu", x, (s, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = s[i] > 0f ? s[i] : slope * s[i];
        }, (g, s, _, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = s[i] > 0f ? g[i] : slope * g[i];
        });

    /// <summary>x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
    public static Tensor Elu(Tensor x, float alpha = 1f) =>
        Elementwise.Unary("Elu", x, (s, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = s[i] > 0f ? s[i] : alpha * (MathF.Exp(s[i]) - 1f);
        }, (g, s, y, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = s[i] > 0f ? g[i] : g[i] * (y[i] + alpha);
        });

    /// <summary>1 / (1 + e⁻ˣ).</summary>
    public static Tensor Sigmoid(Tensor x) =>
        Elementwise.Unary("Sigmoid", x, TensorPrimitives.Sigmoid, (g, _, y, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = g[i] * y[i] * (1f - y[i]);
        });

    /// <summary>tanh x.</summary>
    public static Tensor Tanh(Tensor x) =>
        Elementwise.Unary("Tanh", x, TensorPrimitives.Tanh, (g, _, y, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = g[i] * (1f - (y[i] * y[i]));
        });

    /// <summary>ln(1 + eˣ), computed without overflow.</summary>
    public static Tensor Softplus(Tensor x) =>
        Elementwise.Unary("Softplus", x, (s, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = MathF.Max(s[i], 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(s[i])));
        }, (g, s, _, d) =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = g[i] / (1f + MathF.Exp(-s[i]));
        });
}
