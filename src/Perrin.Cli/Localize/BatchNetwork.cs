namespace Perrin.Cli.Localize;

/// <summary>
/// A network applied to <paramref name="count"/> tiles at once: <paramref name="tiles"/> holds them one after another
/// (each tileSize × tileSize), <paramref name="outputs"/> receives each tile's channels × (tileSize·scale)² values in
/// the same order.
/// </summary>
internal delegate void BatchNetwork(ReadOnlySpan<float> tiles, int count, Span<float> outputs);
