namespace Perrin.Cli.Preprocess;

/// <summary>Where the background estimate of `perrin preprocess --background` comes from.</summary>
internal enum BackgroundKind
{
    /// <summary>One image: the per-pixel median of the whole movie, computed in a first pass.</summary>
    Median,

    /// <summary>The per-pixel median of a sliding window of frames centred on each frame.</summary>
    Rolling,
}
