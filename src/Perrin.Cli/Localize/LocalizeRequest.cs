namespace Perrin.Cli.Localize;

/// <summary>What `perrin localize` was asked to do, as typed on the command line; <see cref="LocalizeRun"/> checks it.</summary>
internal sealed record LocalizeRequest(
    string Model,
    string Movie,
    string Output,
    float? Threshold,
    int Tile,
    int Overlap,
    int Batch,
    int Threads,
    double? PixelSizeNm,
    bool PowerNormalize,
    int? Dra,
    string Format,
    bool Force)
{
    /// <summary>Mirror views each tile is averaged over (1–8); null takes <see cref="LocalizeRun.DefaultViews"/>.</summary>
    public int? Views { get; init; }

    /// <summary>Whether and how each localization is refined on the raw frame (--refine and its settings).</summary>
    public RefineRequest Refine { get; init; } = new();
}
