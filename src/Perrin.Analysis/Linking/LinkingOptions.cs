namespace Perrin.Analysis.Linking;

/// <summary>
/// How <see cref="TrackLinker"/> joins localizations into tracks, with trackpy's meaning of the parameters.
/// </summary>
public sealed class LinkingOptions
{
    /// <param name="searchRange">
    /// trackpy's <c>search_range</c>: a particle moves less than this between two frames it is seen in, in the units of
    /// the positions (nanometres for <see cref="Perrin.Core.Tables.Localization"/>). Links this long or longer are never made.
    /// </param>
    /// <param name="memory">
    /// trackpy's <c>memory</c>: how many consecutive frames a particle may go unseen and still be linked when it
    /// reappears within the search range of where it was last seen (or of where the predictor expects it).
    /// </param>
    /// <param name="predict">
    /// Search around a constant-velocity prediction: each track moves on with the velocity of its last link, as
    /// trackpy's velocity predictors do; a track that has no link yet is expected to stay where it is.
    /// </param>
    public LinkingOptions(double searchRange, int memory = 0, bool predict = false)
    {
        if (!double.IsFinite(searchRange) || searchRange <= 0)
            throw new ArgumentOutOfRangeException(nameof(searchRange), searchRange, "the search range must be a positive distance");
        if (memory < 0)
            throw new ArgumentOutOfRangeException(nameof(memory), memory, "memory is a number of frames ≥ 0");
        SearchRange = searchRange;
        Memory = memory;
        Predict = predict;
    }

    public double SearchRange { get; }

    public int Memory { get; }

    public bool Predict { get; }
}
