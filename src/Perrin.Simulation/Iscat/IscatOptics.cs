using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Iscat;

/// <summary>
/// The iSCAT optics of one sample. <see cref="System"/> is the objective with its immersion (NA, λ,
/// <c>optics.medium_index</c>, pixel); the reference is the reflection at the coverslip (index
/// <see cref="SubstrateIndex"/>) / sample (index <see cref="SampleIndex"/>) interface, which lies at z = 0; the
/// particles sit in the sample medium, where the light's path and the Mie scattering are computed.
/// </summary>
public sealed record IscatOptics
{
    public const double DefaultSubstrateIndex = 1.518;
    public const double DefaultSampleIndex = 1.333;

    public required OpticalSystem System { get; init; }

    public double SubstrateIndex { get; init; } = DefaultSubstrateIndex;

    public double SampleIndex { get; init; } = DefaultSampleIndex;

    /// <summary>Field reflectivity r of the interface, relative to the incident field; null for <see cref="FresnelReflectivity"/>.</summary>
    public double? ReferenceReflectivity { get; init; }

    /// <summary>Photons per pixel of the reference light (a flat, particle-free frame has this mean).</summary>
    public required double ReferencePhotons { get; init; }

    /// <summary>rms height of the coverslip roughness in nm; 0 for a flat surface and no speckle.</summary>
    public double SpeckleRmsNm { get; init; }

    /// <summary>Correlation length of the roughness in nm (used when <see cref="SpeckleRmsNm"/> &gt; 0).</summary>
    public double SpeckleCorrelationNm { get; init; } = double.NaN;

    /// <summary>How far the focal plane lies beyond the interface, into the sample (optics.psf.defocus_nm), in nm.</summary>
    public double DefocusNm { get; init; }

    /// <summary>
    /// Normal-incidence Fresnel field reflectivity from the substrate side, |n₁ − n₂|/(n₁ + n₂) (Born &amp; Wolf
    /// §1.5.2); 0.0649 for glass 1.518 on water 1.333.
    /// </summary>
    public double FresnelReflectivity => Math.Abs(SubstrateIndex - SampleIndex) / (SubstrateIndex + SampleIndex);

    /// <summary>The reflectivity the reference is formed with.</summary>
    public double Reflectivity => ReferenceReflectivity ?? FresnelReflectivity;

    /// <summary>4π·n_sample/λ: the round-trip phase per nm of height above the interface.</summary>
    public double RoundTripRadiansPerNm => 4 * Math.PI * SampleIndex / System.WavelengthNm;

    /// <summary>The coverslip roughness, or null when it is flat.</summary>
    public SubstrateSpeckle? Speckle => SpeckleRmsNm > 0
        ? new SubstrateSpeckle(System.WavelengthNm, System.NumericalAperture, SubstrateIndex, System.PixelSizeNm, SpeckleRmsNm, SpeckleCorrelationNm) { DefocusNm = DefocusNm }
        : null;
}
