using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class DynamicsBuilder : SectionBuilder<DynamicsBuilder>
{
    public DynamicsBuilder Model(string model) => Set("model", Spec.Text(model));

    public DynamicsBuilder Frames(PropertySpec frames) => Set("frames", frames);

    public DynamicsBuilder FrameIntervalMs(PropertySpec interval) => Set("frame_interval_ms", interval);

    public DynamicsBuilder DiffusionUm2PerS(PropertySpec diffusion) => Set("diffusion_um2_per_s", diffusion);

    public DynamicsBuilder Drift(PropertySpec xUmPerS, PropertySpec yUmPerS) => Set("drift_x_um_per_s", xUmPerS).Set("drift_y_um_per_s", yUmPerS);

    public DynamicsBuilder Blinking(PropertySpec onRatePerS, PropertySpec offRatePerS, PropertySpec bleachRatePerS) =>
        Set("blinking.on_rate_per_s", onRatePerS).Set("blinking.off_rate_per_s", offRatePerS).Set("blinking.bleach_rate_per_s", bleachRatePerS);
}
