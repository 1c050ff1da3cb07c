namespace Perrin.Simulation.Labels;

/// <summary>What happened to the counted emitters when a <see cref="DecodeMap"/> was rendered.</summary>
/// <param name="Placed">Emitters written into the maps (one per occupied pixel).</param>
/// <param name="Collisions">Emitters dropped because a brighter (or, at equal photons, earlier) emitter held the same pixel.</param>
/// <param name="Outside">Emitters outside the field.</param>
public readonly record struct DecodeRenderStats(int Placed, int Collisions, int Outside);
