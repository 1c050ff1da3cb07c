using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

public sealed class LabelsBuilder : SectionBuilder<LabelsBuilder>
{
    public LabelsBuilder Form(string form) => Set("form", Spec.Text(form));

    public LabelsBuilder SigmaPx(PropertySpec sigma) => Set("sigma_px", sigma);

    public LabelsBuilder Upsample(PropertySpec factor) => Set("upsample", factor);

    public LabelsBuilder MinContrast(PropertySpec contrast) => Set("min_contrast", contrast);
}
