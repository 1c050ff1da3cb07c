namespace Perrin.Cli.Decode;

/// <summary>What `perrin decode` was asked to do, as typed on the command line; <see cref="MapLayout"/> and <see cref="DecodeRun"/> check it.</summary>
internal sealed record DecodeRequest(
    string Input,
    string Output,
    string Form,
    float? Threshold,
    string? Method,
    double? MinDistance,
    int? RefineRadius,
    int? Upsampling,
    int? ChannelsPerFrame,
    double? PixelSizeNm,
    double? PhotonScale,
    double? ZScaleNm,
    string Format,
    bool Force);
