namespace Perrin.Nn.Training;

/// <summary>One row of the metrics log.</summary>
public sealed record EpochMetrics(int Epoch, long Step, double TrainLoss, double ValidationLoss, double LearningRate, double Seconds);
