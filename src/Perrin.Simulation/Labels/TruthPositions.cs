using Perrin.Core.Tables;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// The position-list label: the truth itself, clipped to the field, or converted to localization rows in
/// Perrin's table convention (nm from the top-left corner of the first pixel, 0-based frames), ready for the
/// ThunderSTORM or SMLM Challenge writers. The field is [−0.5, W − 0.5) × [−0.5, H − 0.5) in pixels.
/// </summary>
public static class TruthPositions
{
    public static bool InField(in ParticleTruth particle, int width, int height) =>
        particle.X >= -0.5 && particle.X < width - 0.5 && particle.Y >= -0.5 && particle.Y < height - 0.5;

    /// <summary>The particles inside the field (and on, unless <paramref name="includeOff"/>), in their order.</summary>
    public static ParticleTruth[] ClipToField(ReadOnlySpan<ParticleTruth> truth, int width, int height, bool includeOff = false)
    {
        var kept = new List<ParticleTruth>(truth.Length);
        foreach (ref readonly var p in truth)
        {
            if ((includeOff || p.IsOn) && InField(p, width, height))
            {
                kept.Add(p);
            }
        }

        return [.. kept];
    }

    /// <summary>
    /// One row per particle: x, y and z in nm, intensity = photons (for particles without photons, such as
    /// iSCAT scatterers, their signed contrast), particle = track id when tracked
    /// (the id column is left for writers that number rows themselves).
    /// </summary>
    public static Localization ToLocalization(in ParticleTruth particle, int frame, double pixelSizeNm) =>
        new(frame, PixelCoordinates.ToNanometres(particle.X, pixelSizeNm), PixelCoordinates.ToNanometres(particle.Y, pixelSizeNm))
        {
            Z = particle.Z,
            Intensity = double.IsNaN(particle.Photons) ? particle.Contrast : particle.Photons,
            Particle = particle.TrackId >= 0 ? particle.TrackId : null,
        };

    /// <summary>
    /// A table of the particles in the field of every frame (frame i of the list is frame i of the table), with
    /// 1-based ids in order, z and intensity, and the track column when any particle is tracked.
    /// </summary>
    public static LocalizationTable ToTable(IReadOnlyList<ParticleTruth[]> frames, int width, int height, double pixelSizeNm, bool includeOff = false)
    {
        ArgumentNullException.ThrowIfNull(frames);
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        var rows = new List<Localization>();
        var tracked = false;
        for (var frame = 0; frame < frames.Count; frame++)
        {
            foreach (var p in ClipToField(frames[frame], width, height, includeOff))
            {
                tracked |= p.TrackId >= 0;
                rows.Add(ToLocalization(p, frame, pixelSizeNm) with { Id = rows.Count + 1 });
            }
        }

        var columns = LocalizationColumns.Required | LocalizationColumns.Id | LocalizationColumns.Z | LocalizationColumns.Intensity;
        return new LocalizationTable(rows, tracked ? columns | LocalizationColumns.Particle : columns, pixelSizeNm);
    }
}
