using Perrin.Nn.Tensors;

namespace Perrin.Nn.Training;

/// <summary>Inputs and targets of one batch (batch axis first); disposing returns their storage to the pool.</summary>
public sealed class Batch : IDisposable
{
    public Batch(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.Rank == 0 || target.Rank == 0 || input.Shape[0] != target.Shape[0])
            throw new ArgumentException($"Batch: input of shape {ShapeText.Format(input.Shape)} and target of shape {ShapeText.Format(target.Shape)} need the same batch size on axis 0.");
        Input = input;
        Target = target;
    }

    public Tensor Input { get; }

    public Tensor Target { get; }

    public int Size => Input.Shape[0];

    public void Dispose()
    {
        Input.Dispose();
        Target.Dispose();
    }
}
