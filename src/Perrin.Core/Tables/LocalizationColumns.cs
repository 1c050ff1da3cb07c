namespace Perrin.Core.Tables;

/// <summary>
/// Which quantities a <see cref="LocalizationTable"/> carries. Frame, X and Y are always present; the others
/// are present when the file that was read had the column or the code that built the table set them.
/// </summary>
[Flags]
public enum LocalizationColumns
{
    None = 0,
    Frame = 1 << 0,
    X = 1 << 1,
    Y = 1 << 2,
    Z = 1 << 3,
    Id = 1 << 4,
    Sigma = 1 << 5,
    Intensity = 1 << 6,
    Offset = 1 << 7,
    BkgStd = 1 << 8,
    Uncertainty = 1 << 9,
    UncertaintyZ = 1 << 10,
    Chi2 = 1 << 11,
    Detections = 1 << 12,
    Mass = 1 << 13,
    Size = 1 << 14,
    Ecc = 1 << 15,
    Signal = 1 << 16,
    RawMass = 1 << 17,
    Ep = 1 << 18,
    Particle = 1 << 19,

    /// <summary>The columns every table has.</summary>
    Required = Frame | X | Y,

    /// <summary>The columns a ThunderSTORM table always has.</summary>
    ThunderStorm = Required | Id | Sigma | Intensity | Offset | BkgStd | Uncertainty,

    /// <summary>The columns trackpy's locate always produces.</summary>
    Trackpy = Required | Mass | Size | Ecc | Signal | RawMass | Ep,
}
