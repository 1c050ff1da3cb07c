using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class AugmentationsBuilder : SectionBuilder<AugmentationsBuilder>
{
    public AugmentationsBuilder Flip(bool flip = true) => Set("flip", flip);

    public AugmentationsBuilder Rotate90(bool rotate = true) => Set("rotate90", rotate);

    public AugmentationsBuilder Affine(Action<AffineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new AffineBuilder(Entries));
        return this;
    }

    /// <summary>Elastic deformation of amplitude α and smoothing σ, both in pixels.</summary>
    public AugmentationsBuilder Elastic(PropertySpec alphaPx, PropertySpec sigmaPx) => Set("elastic.alpha_px", alphaPx).Set("elastic.sigma_px", sigmaPx);

    /// <summary>Outputs a random width × height window of the rendered image.</summary>
    public AugmentationsBuilder Crop(int width, int height) => Set("crop.width", width).Set("crop.height", height);

    public AugmentationsBuilder IntensityScale(PropertySpec scale) => Set("intensity_scale", scale);

    public AugmentationsBuilder Offset(PropertySpec offset) => Set("offset", offset);
}
