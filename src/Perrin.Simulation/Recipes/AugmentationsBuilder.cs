using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class AugmentationsBuilder : SectionBuilder<AugmentationsBuilder>
{
    public AugmentationsBuilder Flip(bool flip = true) => Set("flip", flip);

    public AugmentationsBuilder Rotate90(bool rotate = true) => Set("rotate90", rotate);

    public AugmentationsBuilder IntensityScale(PropertySpec scale) => Set("intensity_scale", scale);

    public AugmentationsBuilder Offset(PropertySpec offset) => Set("offset", offset);
}
