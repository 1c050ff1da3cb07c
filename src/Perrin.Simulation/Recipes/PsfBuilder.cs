using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class PsfBuilder : SectionBuilder<PsfBuilder>
{
    internal PsfBuilder(List<KeyValuePair<string, PropertySpec>> entries)
        : base(entries, "psf.")
    {
    }

    public PsfBuilder Model(string model) => Set("model", Spec.Text(model));

    public PsfBuilder Gaussian() => Model("gaussian");

    public PsfBuilder Airy() => Model("airy");

    public PsfBuilder Pupil() => Model("pupil");

    public PsfBuilder Sinc() => Model("sinc");

    public PsfBuilder SigmaNm(PropertySpec sigma) => Set("sigma_nm", sigma);

    public PsfBuilder DefocusNm(PropertySpec defocus) => Set("defocus_nm", defocus);

    /// <summary>A rotating double-helix PSF from a spiral-zone pupil mask of the given number of zones.</summary>
    public PsfBuilder DoubleHelix(int zones) => Set("mask", Spec.Text("double_helix")).Set("mask_zones", zones);

    /// <summary>none or aplanatic.</summary>
    public PsfBuilder Apodization(string apodization) => Set("apodization", Spec.Text(apodization));

    /// <summary>A pupil aberration in radians by Noll index.</summary>
    public PsfBuilder Zernike(int nollIndex, PropertySpec amplitude) =>
        Set(FormattableString.Invariant($"zernike.{nollIndex}"), amplitude);
}
