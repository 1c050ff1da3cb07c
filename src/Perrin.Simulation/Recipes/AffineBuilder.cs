using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class AffineBuilder : SectionBuilder<AffineBuilder>
{
    internal AffineBuilder(List<KeyValuePair<string, PropertySpec>> entries)
        : base(entries, "affine.")
    {
    }

    public AffineBuilder RotationDeg(PropertySpec degrees) => Set("rotation_deg", degrees);

    public AffineBuilder Scale(PropertySpec scale) => Set("scale", scale);

    public AffineBuilder ScaleX(PropertySpec scale) => Set("scale_x", scale);

    public AffineBuilder ScaleY(PropertySpec scale) => Set("scale_y", scale);

    public AffineBuilder Shear(PropertySpec shear) => Set("shear", shear);

    public AffineBuilder TranslatePx(PropertySpec x, PropertySpec y) => Set("translate_x_px", x).Set("translate_y_px", y);
}
