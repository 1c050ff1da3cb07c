using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Golden;

/// <summary>A parameterless module around an op that has no layer of its own (LogSoftmax).</summary>
internal sealed class FunctionModule(Func<Tensor, Tensor> forward) : Module
{
    public override Tensor Forward(Tensor input) => forward(input);
}
