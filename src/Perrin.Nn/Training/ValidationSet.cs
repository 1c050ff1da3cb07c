using Perrin.Nn.Autograd;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Training;

/// <summary>A fixed set of batches drawn once from the validation streams of a seed, to measure a model on.</summary>
public sealed class ValidationSet : IDisposable
{
    private readonly List<Batch> _batches;

    private ValidationSet(List<Batch> batches) => _batches = batches;

    public int Count => _batches.Count;

    public IReadOnlyList<Batch> Batches => _batches;

    /// <summary>Draws <paramref name="batches"/> batches of <paramref name="batchSize"/> (validation streams 0, 1, … of the seed).</summary>
    public static ValidationSet Draw(IDataSource source, int batches, int batchSize, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(batches);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var list = new List<Batch>(batches);
        try
        {
            for (var k = 0; k < batches; k++) list.Add(BatchSeeds.Checked(source, batchSize, BatchSeeds.Validation(seed, k), k));
        }
        catch
        {
            foreach (var b in list) b.Dispose();
            throw;
        }
        return new ValidationSet(list);
    }

    /// <summary>The mean loss over the batches in evaluation mode without gradients; the model's mode is restored.</summary>
    public double Evaluate(Module model, Func<Tensor, Tensor, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        if (_batches.Count == 0) return double.NaN;
        var wasTraining = model.IsTraining;
        model.Eval();
        try
        {
            using var scope = GradMode.NoGrad();
            double total = 0;
            foreach (var b in _batches)
            {
                using var output = model.Forward(b.Input);
                using var l = loss(output, b.Target);
                total += l.Item();
            }
            return total / _batches.Count;
        }
        finally
        {
            model.Train(wasTraining);
        }
    }

    public void Dispose()
    {
        foreach (var b in _batches) b.Dispose();
        _batches.Clear();
    }
}
