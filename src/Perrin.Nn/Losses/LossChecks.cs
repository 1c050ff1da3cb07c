using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>Argument checks shared by the losses; messages name the loss and both shapes.</summary>
internal static class LossChecks
{
    public static void SameShape(string op, Tensor input, Tensor target, string inputName = "input", string targetName = "target")
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!input.Shape.SequenceEqual(target.Shape))
            throw new ArgumentException($"{op}: {inputName} of shape {ShapeText.Format(input.Shape)} and {targetName} of shape {ShapeText.Format(target.Shape)} differ; they must be equal.");
        if (input.Length == 0)
            throw new ArgumentException($"{op}: {inputName} of shape {ShapeText.Format(input.Shape)} is empty.");
    }

    public static void Known(Reduction reduction, string op)
    {
        if (reduction is not (Reduction.Mean or Reduction.Sum or Reduction.None))
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, $"{op}: unknown reduction.");
    }

    /// <summary>The factor that turns the upstream gradient of a reduced loss into the gradient of one element's loss.</summary>
    public static float Scale(Reduction reduction, float upstream, double count) =>
        reduction == Reduction.Mean ? (float)(upstream / count) : upstream;
}
