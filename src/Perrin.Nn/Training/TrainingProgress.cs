namespace Perrin.Nn.Training;

/// <summary>Where training stands after a step, for a progress bar.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Step">Steps done in all, from 1.</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
/// <param name="Loss">The loss of this step.</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="Remaining">Estimated time left, from the pace of this run.</param>
public readonly record struct TrainingProgress(int Epoch, long Step, long TotalSteps, float Loss, TimeSpan Elapsed, TimeSpan Remaining);
