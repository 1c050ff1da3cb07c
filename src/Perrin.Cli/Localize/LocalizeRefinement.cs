using System.Globalization;
using Perrin.Analysis.Localizers.Refinement;
using Perrin.Core.Tables;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Rendering;
using AnalysisCamera = Perrin.Analysis.Localizers.CameraModel;

namespace Perrin.Cli.Localize;

/// <summary>
/// `perrin localize --refine mle`: each localization the network's maps give is refined by the Gaussian MLE of
/// `perrin locate --method gauss-mle` on the raw frame (<see cref="MleRefiner"/>), with the camera and the PSF σ of
/// the recipe the model was trained on unless options say otherwise. Counts what became of every row.
/// </summary>
internal sealed class LocalizeRefinement
{
    public const string None = "none";
    public const string Mle = "mle";

    // Recipe camera fields, and the options of perrin locate that set the same quantity.
    private static readonly (string Field, string Option)[] CameraFields =
    [
        ("baseline_adu", "--baseline"), ("adu_per_e", "--gain"), ("em_gain", "--em-gain"), ("quantum_efficiency", "--qe"), ("read_noise_e", "--read-noise"),
    ];

    private readonly MleRefiner _refiner;
    private readonly long[] _outcomes = new long[Enum.GetValues<RefinementOutcome>().Length];

    private LocalizeRefinement(MleRefiner refiner) => _refiner = refiner;

    /// <summary>The columns refined rows fill besides the decoder's.</summary>
    public static LocalizationColumns Columns =>
        LocalizationColumns.Sigma | LocalizationColumns.Intensity | LocalizationColumns.Offset | LocalizationColumns.BkgStd
        | LocalizationColumns.Uncertainty | LocalizationColumns.Chi2;

    public MleRefinementParameters Parameters => _refiner.Parameters;

    /// <summary>The refinement asked for, or null for --refine none; a bad value or a camera the recipe leaves open is a <see cref="UserInputException"/>.</summary>
    public static LocalizeRefinement? Create(RefineRequest request, LocalizeModel model, double pixelSizeNm, bool preprocessed)
    {
        var method = request.Method.ToLowerInvariant();
        if (method == None)
        {
            RequireNoSettings(request);
            return null;
        }

        if (method != Mle)
        {
            throw new UserInputException($"--refine {request.Method}: expected {None} or {Mle}");
        }

        if (preprocessed)
        {
            throw new UserInputException($"--refine {Mle} fits the frames as the camera recorded them; it cannot follow --power-normalize or --dra");
        }

        var sample = model.RecipeSimulator.Properties(0);
        var parameters = new MleRefinementParameters
        {
            Camera = Camera(request, model, sample),
            SigmaPx = request.SigmaPx ?? RecipeSigma(model, sample, pixelSizeNm),
        };
        if (request.RoiRadiusPx is { } radius)
        {
            parameters = parameters with { RoiRadiusPx = radius };
        }

        try
        {
            return new LocalizeRefinement(new MleRefiner(parameters));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"{OptionFor(e.ParamName)}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    /// <summary>One frame's rows refined on its raw <paramref name="frame"/>, in their order.</summary>
    public IEnumerable<Localization> Apply(float[] frame, int height, int width, IReadOnlyList<Localization> rows, double pixelSizeNm)
    {
        var refined = _refiner.Refine(frame, height, width, rows, pixelSizeNm);
        foreach (var row in refined)
        {
            _outcomes[(int)row.Outcome]++;
        }

        return refined.Select(r => r.Localization);
    }

    /// <summary>What became of the rows, for the summary line.</summary>
    public string Summary()
    {
        var total = _outcomes.Sum();
        var kept = string.Join(", ", Enum.GetValues<RefinementOutcome>().Where(o => o != RefinementOutcome.Refined && _outcomes[(int)o] > 0)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{_outcomes[(int)o]} {Describe(o)}")));
        var p = Parameters;
        var size = (2 * p.RoiRadiusPx) + 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"; refined {_outcomes[(int)RefinementOutcome.Refined]} of {total} by Gaussian MLE ({size}×{size} px windows, σ {p.SigmaPx:G3} px{(kept.Length > 0 ? $"; kept the network's position: {kept}" : string.Empty)})");
    }

    private string Describe(RefinementOutcome outcome) => outcome switch
    {
        RefinementOutcome.Crowded => "crowded",
        RefinementOutcome.NotConverged => "not converged",
        RefinementOutcome.Moved => string.Create(CultureInfo.InvariantCulture, $"moved > {Parameters.MaxShiftPx:G3} px"),
        RefinementOutcome.ImplausibleSigma => "σ implausible",
        RefinementOutcome.PoorFit => "poor fit",
        _ => "unfittable",
    };

    private static void RequireNoSettings(RefineRequest request)
    {
        var given = new (string Option, bool Given)[]
        {
            ("--refine-roi", request.RoiRadiusPx is not null), ("--refine-sigma", request.SigmaPx is not null),
            ("--baseline", request.BaselineAdu is not null), ("--gain", request.ElectronsPerAdu is not null), ("--em-gain", request.EmGain is not null),
            ("--qe", request.QuantumEfficiency is not null), ("--read-noise", request.ReadNoiseElectrons is not null),
        }.Where(o => o.Given).Select(o => o.Option).ToList();
        if (given.Count > 0)
        {
            throw new UserInputException($"{string.Join(", ", given)} set{(given.Count == 1 ? "s" : string.Empty)} up --refine {Mle}; add --refine {Mle} or drop {(given.Count == 1 ? "it" : "them")}");
        }
    }

    // The camera of the recipe's first sample with the options' values; a field the recipe draws at random must be given.
    private static AnalysisCamera Camera(RefineRequest request, LocalizeModel model, ResolvedProperties sample)
    {
        var given = new double?[] { request.BaselineAdu, request.ElectronsPerAdu, request.EmGain, request.QuantumEfficiency, request.ReadNoiseElectrons };
        var properties = model.Recipe.Camera?.Properties;
        for (var i = 0; i < CameraFields.Length; i++)
        {
            if (given[i] is null && properties is not null && properties.TryGetValue(CameraFields[i].Field, out var spec) && spec is not ConstantSpec)
            {
                throw new UserInputException($"{model.Path}: its recipe draws camera.{CameraFields[i].Field} at random, so the camera is not known; give {CameraFields[i].Option}");
            }
        }

        var recipe = RecipeCameraModels.For(model.Recipe, sample);
        return new AnalysisCamera
        {
            BaselineAdu = request.BaselineAdu ?? recipe.BaselineAdu,
            ElectronsPerAdu = request.ElectronsPerAdu ?? recipe.ElectronsPerAdu,
            EmGain = request.EmGain ?? recipe.EmGain,
            QuantumEfficiency = request.QuantumEfficiency ?? recipe.QuantumEfficiency,
            ReadNoiseElectrons = request.ReadNoiseElectrons ?? recipe.ReadNoiseElectrons,
        };
    }

    // The recipe's Gaussian σ, else the 0.21 λ/NA Gaussian of its optics, in the movie's pixels.
    private static double RecipeSigma(LocalizeModel model, ResolvedProperties sample, double pixelSizeNm)
    {
        if (sample.TryGet("optics.psf.sigma_nm", out var sigma))
        {
            return sigma.Number / pixelSizeNm;
        }

        if (sample.TryGet("optics.na", out var na) && sample.TryGet("optics.wavelength_nm", out var wavelength) && sample.TryGet("optics.medium_index", out var index))
        {
            return GaussianPsf.FromSystem(new OpticalSystem(na.Number, wavelength.Number, index.Number, pixelSizeNm)).SigmaPixels;
        }

        throw new UserInputException($"{model.Path}: its recipe does not say the PSF's width; give --refine-sigma (σ in pixels)");
    }

    private static string OptionFor(string? parameter) => parameter switch
    {
        nameof(MleRefinementParameters.SigmaPx) => "--refine-sigma",
        nameof(MleRefinementParameters.RoiRadiusPx) => "--refine-roi",
        nameof(AnalysisCamera.BaselineAdu) => "--baseline",
        nameof(AnalysisCamera.ElectronsPerAdu) => "--gain",
        nameof(AnalysisCamera.EmGain) => "--em-gain",
        nameof(AnalysisCamera.QuantumEfficiency) => "--qe",
        nameof(AnalysisCamera.ReadNoiseElectrons) => "--read-noise",
        _ => "--refine",
    };
}
