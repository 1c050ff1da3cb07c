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

    public CameraBuilder FullWellE(PropertySpec electrons) => Set("full_well_e", electrons);

    public CameraBuilder DarkE(PropertySpec electrons) => Set("dark_e", electrons);

    public CameraBuilder GradientBackground(PropertySpec slopeX, PropertySpec slopeY) =>
        Set("background.kind", Spec.Text("gradient")).Set("background.slope_x", slopeX).Set("background.slope_y", slopeY);

    public CameraBuilder StructuredBackground(PropertySpec amplitudePhotons, PropertySpec correlationPx) =>
        Set("background.kind", Spec.Text("structured")).Set("background.amplitude_photons", amplitudePhotons).Set("background.correlation_px", correlationPx);

    public CameraBuilder ScmosMaps(PropertySpec readNoiseSdE, PropertySpec offsetSdAdu, PropertySpec gainSd) =>
        Set("scmos_maps.read_noise_sd_e", readNoiseSdE).Set("scmos_maps.offset_sd_adu", offsetSdAdu).Set("scmos_maps.gain_sd", gainSd);

    public CameraBuilder FixedPattern(PropertySpec rowSdAdu, PropertySpec columnSdAdu) =>
        Set("fixed_pattern.row_sd_adu", rowSdAdu).Set("fixed_pattern.column_sd_adu", columnSdAdu);
}
