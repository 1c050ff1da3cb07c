namespace Perrin.Simulation.Labels;

/// <summary>What a <see cref="DiskMask"/> writes into each pixel.</summary>
public enum DiskMaskMode
{
    /// <summary>1 where the pixel centre lies within the radius of some particle (distance ≤ r), else 0.</summary>
    Binary,

    /// <summary>
    /// The exact fraction of the pixel's square covered by the disk; where disks overlap, the largest single
    /// fraction (exact for disjoint disks, a lower bound on the union otherwise).
    /// </summary>
    Coverage,

    /// <summary>
    /// Index of the particle in the truth span plus one, by the centre rule of <see cref="Binary"/>; a pixel
    /// claimed by several particles keeps the one with the lowest index. 0 is background.
    /// </summary>
    Instance,
}
