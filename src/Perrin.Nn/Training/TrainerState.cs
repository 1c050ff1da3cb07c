namespace Perrin.Nn.Training;

/// <summary>The trainer's own counters, saved in checkpoints.</summary>
internal sealed record TrainerState(int Epoch, long Step, double BestLoss, int EpochsWithoutImprovement)
{
    public static TrainerState Start { get; } = new(0, 0, double.PositiveInfinity, 0);
}
