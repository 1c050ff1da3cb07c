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

    public DynamicsBuilder Hurst(PropertySpec hurst) => Set("hurst", hurst);

    public DynamicsBuilder Alpha(PropertySpec alpha) => Set("alpha", alpha);

    public DynamicsBuilder Axial(bool axial) => Set("axial", Spec.Constant(axial));

    public DynamicsBuilder ZRangeNm(PropertySpec thickness) => Set("z_range_nm", thickness);

    public DynamicsBuilder ExposureSubsteps(PropertySpec substeps) => Set("exposure_substeps", substeps);

    /// <summary>kind box (size_um), disk (radius_um) or trap (stiffness_per_s): <paramref name="size"/> is the field of that kind.</summary>
    public DynamicsBuilder Confinement(string kind, PropertySpec size) => Set("confinement.kind", Spec.Text(kind)).Set(kind switch
    {
        "box" => "confinement.size_um",
        "disk" => "confinement.radius_um",
        _ => "confinement.stiffness_per_s",
    }, size);

    public DynamicsBuilder Brightness(string distribution, PropertySpec cv) => Set("brightness.distribution", Spec.Text(distribution)).Set("brightness.cv", cv);
}
