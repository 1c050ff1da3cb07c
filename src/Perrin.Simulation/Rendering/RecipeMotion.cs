using Perrin.Simulation.Dynamics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Rendering;

/// <summary>The motion, brightness and photophysics one sample's <c>dynamics</c> fields ask for (see <see cref="BrownianMovie"/>).</summary>
internal sealed class RecipeMotion(Recipe recipe, ResolvedProperties sample)
{
    private const double DefaultZRangeNm = 1000;

    private readonly Recipe _recipe = recipe;
    private readonly ResolvedProperties _sample = sample;

    public IMotionModel Motion(DynamicsUnits units, double exposureS, double zHalf, int? frames)
    {
        var model = _recipe.Dynamics?.Model ?? "brownian";
        var dimensions = zHalf > 0 ? 3 : 2;
        var substeps = _sample.TryGet("dynamics.exposure_substeps", out var n) ? (int)n.Number : 0;
        var d = Number("dynamics.diffusion_um2_per_s", 0);
        try
        {
            if (model == "fbm")
            {
                if (substeps > 0)
                {
                    throw RecipeErrors.At(_recipe, "dynamics.exposure_substeps", "dynamics.exposure_substeps: fractional Brownian motion has no motion blur");
                }

                if (_recipe.Dynamics!.Properties.Keys.Any(k => k.StartsWith("confinement.", StringComparison.Ordinal)))
                {
                    throw RecipeErrors.At(_recipe, "dynamics.confinement", "dynamics.confinement applies to brownian and directed motion, not fbm");
                }

                return new FractionalBrownianMotion(Alpha(), d, units, dimensions, frames);
            }

            var drift = new DriftVelocity(Number("dynamics.drift_x_um_per_s", 0), Number("dynamics.drift_y_um_per_s", 0), 0);
            var blur = substeps > 0 ? new MotionBlur(substeps, exposureS) : null;
            var inPlane = Confinement(model == "static" ? 0 : d);
            var confinement = dimensions == 3 ? new AxialWalls(inPlane, -zHalf, zHalf) : inPlane;
            return model == "static"
                ? new BrownianMotion(0, units, dimensions, blur: blur)
                : new BrownianMotion(d, units, dimensions, drift, confinement, blur);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(_recipe, "dynamics", $"dynamics: {error.Message}");
        }
    }

    private double Alpha()
    {
        var hasHurst = _sample.TryGet("dynamics.hurst", out var hurst);
        var hasAlpha = _sample.TryGet("dynamics.alpha", out var alpha);
        if (hasHurst && hasAlpha && Math.Abs(alpha.Number - (2 * hurst.Number)) > 1e-12)
        {
            throw RecipeErrors.At(_recipe, "dynamics.alpha", $"dynamics.alpha = {alpha.Number} disagrees with dynamics.hurst = {hurst.Number}; α = 2H, give one of them");
        }

        return hasAlpha ? alpha.Number : hasHurst ? 2 * hurst.Number : throw RecipeErrors.At(_recipe, "dynamics", "dynamics.model fbm needs dynamics.hurst or dynamics.alpha");
    }

    private Confinement Confinement(double diffusion)
    {
        if (!_sample.TryGet("dynamics.confinement.kind", out var kind))
        {
            if (_recipe.Dynamics!.Properties.Keys.Any(k => k.StartsWith("confinement.", StringComparison.Ordinal)))
            {
                throw RecipeErrors.At(_recipe, "dynamics.confinement", "dynamics.confinement needs a kind: box, disk or trap");
            }

            return Dynamics.Confinement.None;
        }

        return kind.Text switch
        {
            "box" => new Compartments(Required("dynamics.confinement.size_um", "box")),
            "disk" => new AnchoredDisk(Required("dynamics.confinement.radius_um", "disk")),
            _ => diffusion > 0
                ? new HarmonicTrap(Math.Sqrt(diffusion / Required("dynamics.confinement.stiffness_per_s", "trap")))
                : throw RecipeErrors.At(_recipe, "dynamics.confinement", "dynamics.confinement: a trap needs dynamics.diffusion_um2_per_s > 0 to set its variance D/(κ/γ)"),
        };
    }

    private double Required(string path, string kind) =>
        _sample.TryGet(path, out var value) ? value.Number : throw RecipeErrors.At(_recipe, "dynamics.confinement", $"dynamics.confinement of kind {kind} needs {path[(path.LastIndexOf('.') + 1)..]}");

    public double ZRangeNm()
    {
        var axial = _sample.TryGet("dynamics.axial", out var flag) && flag.Boolean;
        var range = _sample.TryGet("dynamics.z_range_nm", out var given) ? given.Number : 0;
        return range > 0 ? range : axial ? DefaultZRangeNm : 0;
    }

    /// <summary>The rms displacement of one frame along x or y, in pixels.</summary>
    public double StepPx(DynamicsUnits units)
    {
        var d = Number("dynamics.diffusion_um2_per_s", 0);
        var alpha = _recipe.Dynamics?.Model == "fbm" ? Alpha() : 1;
        var driftUm = Math.Max(Math.Abs(Number("dynamics.drift_x_um_per_s", 0)), Math.Abs(Number("dynamics.drift_y_um_per_s", 0))) * units.FrameIntervalS;
        return (Math.Sqrt(2 * d * Math.Pow(units.FrameIntervalS, alpha)) + driftUm) * units.PixelsPerMicrometre;
    }

    public PhotonBrightness Brightness(double meanPhotons)
    {
        var distribution = _sample.TryGet("dynamics.brightness.distribution", out var name) ? name.Text : "constant";
        if (distribution == "constant")
        {
            return PhotonBrightness.Constant(meanPhotons);
        }

        if (!_sample.TryGet("dynamics.brightness.cv", out var cv))
        {
            throw RecipeErrors.At(_recipe, "dynamics.brightness", $"dynamics.brightness of distribution {distribution} needs cv");
        }

        return distribution == "gamma" ? PhotonBrightness.Gamma(meanPhotons, cv.Number) : PhotonBrightness.LogNormal(meanPhotons, cv.Number);
    }

    private double Number(string path, double fallback) => _sample.TryGet(path, out var value) ? value.Number : fallback;

    public PhotophysicsModel? Photophysics()
    {
        var on = Number("dynamics.blinking.on_rate_per_s", 0);
        var off = Number("dynamics.blinking.off_rate_per_s", 0);
        var bleach = Number("dynamics.blinking.bleach_rate_per_s", 0);
        if (on <= 0 || off <= 0)
        {
            return null;
        }

        return bleach > 0 ? PhotophysicsModel.OnOffBleach(1 / off, 1 / on, 1 / bleach) : PhotophysicsModel.OnOff(1 / off, 1 / on);
    }
}
