using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class CameraBuilder : SectionBuilder<CameraBuilder>
{
    public CameraBuilder Preset(string preset) => Set("preset", Spec.Text(preset));

    public CameraBuilder BackgroundPhotons(PropertySpec photons) => Set("background_photons", photons);

    public CameraBuilder QuantumEfficiency(PropertySpec efficiency) => Set("quantum_efficiency", efficiency);

    public CameraBuilder ReadNoiseE(PropertySpec electrons) => Set("read_noise_e", electrons);

    public CameraBuilder EmGain(PropertySpec gain) => Set("em_gain", gain);

    public CameraBuilder AduPerE(PropertySpec gain) => Set("adu_per_e", gain);

    public CameraBuilder BaselineAdu(PropertySpec baseline) => Set("baseline_adu", baseline);

    public CameraBuilder BitDepth(PropertySpec bits) => Set("bit_depth", bits);

    public CameraBuilder ExposureMs(PropertySpec exposure) => Set("exposure_ms", exposure);
}
