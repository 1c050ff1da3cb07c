using Perrin.Core.Tables;

namespace Perrin.Cli.Track;

/// <summary>Everything `perrin track` was asked to do, as parsed from the command line.</summary>
/// <param name="SearchRangePx">trackpy's search_range, in pixels.</param>
internal sealed record TrackRequest(
    string Input,
    string Output,
    double SearchRangePx,
    int Memory,
    bool Predict,
    int? MinLength,
    double? PixelSizeNm,
    TableFormat Format);
