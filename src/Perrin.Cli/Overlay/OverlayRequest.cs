namespace Perrin.Cli.Overlay;

/// <summary>What `perrin overlay` was asked to do. Frame numbers are 1-based, as Fiji shows them.</summary>
internal sealed record OverlayRequest(
    string Movie,
    string Detections,
    string Output,
    int? Frame,
    string? Frames,
    string? Truth,
    int Scale,
    ContrastStretch Contrast,
    double? PixelSizeNm,
    bool Antialias);
