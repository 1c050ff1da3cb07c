namespace Perrin.Analysis.Plots;

/// <summary>Training and validation loss at the end of each epoch, against the step reached; NaN where a loss was not measured.</summary>
public sealed record LossCurve
{
    public LossCurve(IReadOnlyList<long> steps, IReadOnlyList<double> training, IReadOnlyList<double> validation)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        if (training.Count != steps.Count || validation.Count != steps.Count)
        {
            throw new ArgumentException($"a loss curve needs one training and one validation loss per step: {steps.Count} steps, {training.Count} and {validation.Count} losses");
        }

        (Steps, Training, Validation) = (steps, training, validation);
    }

    public IReadOnlyList<long> Steps { get; }

    public IReadOnlyList<double> Training { get; }

    public IReadOnlyList<double> Validation { get; }
}
