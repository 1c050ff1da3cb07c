using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class OpticsBuilder : SectionBuilder<OpticsBuilder>
{
    public OpticsBuilder Modality(string modality) => Set("modality", Spec.Text(modality));

    public OpticsBuilder Fluorescence() => Modality("fluorescence");

    public OpticsBuilder Brightfield() => Modality("brightfield");

    public OpticsBuilder Holography() => Modality("holography");

    public OpticsBuilder Iscat() => Modality("iscat");

    public OpticsBuilder Darkfield() => Modality("darkfield");

    public OpticsBuilder Na(PropertySpec na) => Set("na", na);

    public OpticsBuilder WavelengthNm(PropertySpec wavelength) => Set("wavelength_nm", wavelength);

    public OpticsBuilder MediumIndex(PropertySpec index) => Set("medium_index", index);

    public OpticsBuilder PixelSizeNm(PropertySpec size) => Set("pixel_size_nm", size);

    public OpticsBuilder ReferencePhotons(PropertySpec photons) => Set("reference_photons", photons);

    public OpticsBuilder ReferenceReflectivity(PropertySpec reflectivity) => Set("reference_reflectivity", reflectivity);

    public OpticsBuilder SubstrateIndex(PropertySpec index) => Set("substrate_index", index);

    public OpticsBuilder SampleIndex(PropertySpec index) => Set("sample_index", index);

    public OpticsBuilder Speckle(PropertySpec rmsNm, PropertySpec correlationNm) =>
        Set("speckle_rms_nm", rmsNm).Set("speckle_correlation_nm", correlationNm);

    public OpticsBuilder Psf(Action<PsfBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new PsfBuilder(Entries));
        return this;
    }
}
