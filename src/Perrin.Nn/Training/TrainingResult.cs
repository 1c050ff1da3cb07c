namespace Perrin.Nn.Training;

/// <summary>How a run ended.</summary>
/// <param name="Outcome">Why it ended.</param>
/// <param name="Epochs">Completed epochs, resumed ones included.</param>
/// <param name="Steps">Completed steps, resumed ones included.</param>
/// <param name="BestLoss">The best monitored (validation, else training) epoch loss.</param>
/// <param name="Message">What happened, in words (the step and value for a divergence).</param>
public sealed record TrainingResult(TrainingOutcome Outcome, int Epochs, long Steps, double BestLoss, string Message);
