using System.Collections.Concurrent;

namespace Perrin.Simulation.Optics;

/// <summary>
/// Tables built once per (PSF, options) and shared process-wide. PSFs compare by value (same optics,
/// aberrations, mask → same table). Tables are never evicted until <see cref="Clear"/>.
/// </summary>
public static class PsfTableCache
{
    private static readonly ConcurrentDictionary<(IPsf Source, PsfTableOptions Options), Lazy<PsfTable>> Tables = new();

    public static PsfTable GetOrBuild(IPsf source, PsfTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return Tables.GetOrAdd((source, options), key => new Lazy<PsfTable>(() => PsfTable.Build(key.Source, key.Options))).Value;
    }

    public static void Clear() => Tables.Clear();
}
