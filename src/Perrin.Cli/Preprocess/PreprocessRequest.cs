namespace Perrin.Cli.Preprocess;

/// <summary>What `perrin preprocess` was asked to do, as typed on the command line; <see cref="PreprocessPlan"/> checks it.</summary>
internal sealed record PreprocessRequest(
    string Input,
    string Output,
    bool PowerNormalize,
    string? Fpn,
    string? Background,
    string? BackgroundMode,
    int? Dra,
    string? DraMode,
    int Threads,
    bool Force);
