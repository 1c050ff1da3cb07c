namespace Perrin.Nn.Training;

/// <summary>Why training ended.</summary>
public enum TrainingOutcome
{
    /// <summary>Every epoch ran.</summary>
    Completed,

    /// <summary>The monitored loss stopped improving for the patience.</summary>
    EarlyStopped,

    /// <summary>A loss or gradient was NaN or infinite; the last checkpoint is the last good state.</summary>
    Diverged,

    /// <summary>The cancellation token fired; the last checkpoint is the last completed epoch.</summary>
    Cancelled,
}
