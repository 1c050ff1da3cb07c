namespace Perrin.Analysis.Detection;

/// <summary>
/// A network applied to one tile: <paramref name="tile"/> is tileSize × tileSize input pixels; <paramref name="output"/>
/// receives channels × (tileSize·scale) × (tileSize·scale) values, channel after channel.
/// </summary>
public delegate void TileNetwork(ReadOnlySpan<float> tile, Span<float> output);
