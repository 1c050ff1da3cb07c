namespace Perrin.Cli.Decode;

/// <summary>The kinds of per-frame maps `perrin decode` turns into localizations.</summary>
internal enum MapForm
{
    /// <summary>One channel on the camera grid (or a finer one with --upsampling): heat maps, probabilities, densities, masks.</summary>
    Heatmap,

    /// <summary>One channel on a grid U times finer than the camera (Deep-STORM).</summary>
    DeepStorm,

    /// <summary>DECODE style maps on the camera grid: p, dx, dy, then optionally photons and z.</summary>
    Decode,
}
