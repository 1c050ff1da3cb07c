namespace Perrin.Analysis.Linking;

/// <summary>What a <see cref="TrackLinker"/> has done so far.</summary>
/// <param name="Frames">Frames linked (frames given, including empty ones).</param>
/// <param name="Localizations">Localizations given.</param>
/// <param name="Links">Localizations joined to an existing track.</param>
/// <param name="GapLinks">Links that close a gap of at least one frame in which the particle went unseen.</param>
/// <param name="Tracks">Tracks started, which is also the next free particle id.</param>
public sealed record LinkStatistics(long Frames, long Localizations, long Links, long GapLinks, long Tracks);
