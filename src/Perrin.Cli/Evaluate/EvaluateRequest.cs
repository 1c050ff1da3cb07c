namespace Perrin.Cli.Evaluate;

/// <summary>What `perrin evaluate` was asked to do.</summary>
internal sealed record EvaluateRequest(
    string Detections,
    string Truth,
    double ToleranceNm,
    double? AxialToleranceNm,
    double? PixelSizeNm,
    bool Greedy,
    double? CrlbSigmaNm,
    double? CrlbBackgroundPhotons,
    bool Json,
    string? PerFrame,
    string? ByIntensity = null);
