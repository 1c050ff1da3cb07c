namespace Perrin.Cli.Commands;

/// <summary>What `perrin simulate` was asked to do.</summary>
internal sealed record SimulateRequest(
    string Recipe,
    int Count,
    string Output,
    string? Truth,
    string? Labels,
    ulong? Seed,
    int Threads);
