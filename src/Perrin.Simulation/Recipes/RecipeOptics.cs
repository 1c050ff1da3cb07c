using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>The microscope: keys as in <see cref="RecipeSchema.Optics"/> (<c>na</c>, <c>psf.defocus_nm</c>, <c>psf.zernike.5</c>, …).</summary>
public sealed record RecipeOptics(PropertyMap Properties)
{
    public string? Modality => RecipeSection.Name(Properties, "modality");

    public PropertySpec? Na => RecipeSection.Spec(Properties, "na");

    public PropertySpec? WavelengthNm => RecipeSection.Spec(Properties, "wavelength_nm");

    public PropertySpec? MediumIndex => RecipeSection.Spec(Properties, "medium_index");

    public PropertySpec? PixelSizeNm => RecipeSection.Spec(Properties, "pixel_size_nm");

    public string? PsfModel => RecipeSection.Name(Properties, "psf.model");
}
