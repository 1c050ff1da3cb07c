using System.Globalization;
using Perrin.Analysis.Localizers.Interferometric;
using Perrin.Analysis.Localizers.Refinement;
using Perrin.Core.Tables;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Rendering;
using AnalysisCamera = Perrin.Analysis.Localizers.CameraModel;

namespace Perrin.Cli.Localize;

/// <summary>
/// `perrin localize --refine`: each localization the network's maps give is refined on the raw frame, by the Gaussian
/// MLE of `perrin locate --method gauss-mle` (mle, <see cref="MleRefiner"/>), with the camera and the PSF σ of the
/// recipe the model was trained on unless options say otherwise, or for an iSCAT model by the joint fit of every
/// scatterer's interferometric PSF (ipsf, <see cref="IpsfRefiner"/>) with the aberration-free field of the recipe's
/// objective. Counts what became of every row.
/// </summary>
internal sealed class LocalizeRefinement
{
    public const string None = "none";
    public const string Mle = "mle";
    public const string Ipsf = "ipsf";

    // Recipe camera fields, and the options of perrin locate that set the same quantity.
    private static readonly (string Field, string Option)[] CameraFields =
    [
        ("baseline_adu", "--baseline"), ("adu_per_e", "--gain"), ("em_gain", "--em-gain"), ("quantum_efficiency", "--qe"), ("read_noise_e", "--read-noise"),
    ];

    private readonly MleRefiner? _refiner;
    private readonly IpsfRefiner? _ipsf;
    private readonly long[] _outcomes = new long[Enum.GetValues<RefinementOutcome>().Length];
    private long _added;

    private LocalizeRefinement(MleRefiner refiner) => _refiner = refiner;

    private LocalizeRefinement(IpsfRefiner refiner) => _ipsf = refiner;

    /// <summary>The columns refined rows fill besides the decoder's: the MLE's photons, σ and uncertainty; the iPSF fit's only positions.</summary>
    public LocalizationColumns Columns => _ipsf is not null ? LocalizationColumns.None :
        LocalizationColumns.Sigma | LocalizationColumns.Intensity | LocalizationColumns.Offset | LocalizationColumns.BkgStd
        | LocalizationColumns.Uncertainty | LocalizationColumns.Chi2;

    /// <summary>The refinement asked for, or null for --refine none; a bad value or a camera the recipe leaves open is a <see cref="UserInputException"/>.</summary>
    public static LocalizeRefinement? Create(RefineRequest request, LocalizeModel model, double pixelSizeNm, bool preprocessed)
    {
        var method = request.Method.ToLowerInvariant();
        if (method == None)
        {
            if (request.MaxShiftPx is not null)
            {
                throw new UserInputException($"--refine-max-shift sets up --refine {Mle} or {Ipsf}; drop it or choose a refinement");
            }

            RequireNoSettings(request, MleSettings(request), Mle);
            RequireNoSettings(request, IpsfSettings(request), Ipsf);
            return null;
        }

        if (method != Mle && method != Ipsf)
        {
            throw new UserInputException($"--refine {request.Method}: expected {None}, {Mle} or {Ipsf}");
        }

        if (request.MaxShiftPx is { } shift && !(shift is > 0 and <= 64))
        {
            throw new UserInputException($"--refine-max-shift {shift}: expected a number of pixels above 0 and at most 64");
        }

        if (preprocessed)
        {
            throw new UserInputException($"--refine {method} fits the frames as the camera recorded them; it cannot follow --power-normalize or --dra");
        }

        var sample = model.RecipeSimulator.Properties(0);
        if (method == Ipsf)
        {
            return CreateIpsf(request, model, sample, pixelSizeNm);
        }

        RequireNoSettings(request, IpsfSettings(request), Ipsf);
        var parameters = new MleRefinementParameters
        {
            Camera = Camera(request, model, sample),
            SigmaPx = request.SigmaPx ?? RecipeSigma(model, sample, pixelSizeNm),
        };
        if (request.RoiRadiusPx is { } radius)
        {
            parameters = parameters with { RoiRadiusPx = radius };
        }

        if (request.MaxShiftPx is { } mleShift)
        {
            parameters = parameters with { MaxShiftPx = mleShift };
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
    public IEnumerable<Localization> Apply(float[] frame, int height, int width, IReadOnlyList<Localization> rows, double pixelSizeNm, int frameIndex)
    {
        var added = Array.Empty<Localization>();
        RefinedLocalization[] refined;
        if (_ipsf is not null)
        {
            var result = _ipsf.Refine(frame, height, width, rows, pixelSizeNm, frameIndex);
            (refined, added) = (result.Detections, result.Added);
            Interlocked.Add(ref _added, added.Length);
        }
        else
        {
            refined = _refiner!.Refine(frame, height, width, rows, pixelSizeNm);
        }

        foreach (var row in refined)
        {
            Interlocked.Increment(ref _outcomes[(int)row.Outcome]);
        }

        return refined.Select(r => r.Localization).Concat(added);
    }

    // Where added scatterers came from.
    private static string Sources(IpsfRefinementParameters p) => (p.SearchRounds > 0, p.SplitThreshold > 0) switch
    {
        (true, true) => " from the residual and by splitting detections",
        (true, false) => " from the residual",
        _ => " by splitting detections",
    };

    /// <summary>What became of the rows, for the summary line.</summary>
    public string Summary()
    {
        var total = _outcomes.Sum();
        var kept = string.Join(", ", Enum.GetValues<RefinementOutcome>().Where(o => o != RefinementOutcome.Refined && _outcomes[(int)o] > 0)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{_outcomes[(int)o]} {Describe(o)}")));
        if (_ipsf is not null)
        {
            var w = (2 * _ipsf.Parameters.WindowRadiusPx) + 1;
            return string.Create(CultureInfo.InvariantCulture,
                $"; refined {_outcomes[(int)RefinementOutcome.Refined]} of {total} by a joint iPSF fit ({w}×{w} px windows{(_ipsf.Parameters.SearchRounds > 0 || _ipsf.Parameters.SplitThreshold > 0 ? $"; {_added} added{Sources(_ipsf.Parameters)}" : string.Empty)}{(kept.Length > 0 ? $"; kept the network's position: {kept}" : string.Empty)})");
        }

        var p = _refiner!.Parameters;
        var size = (2 * p.RoiRadiusPx) + 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"; refined {_outcomes[(int)RefinementOutcome.Refined]} of {total} by Gaussian MLE ({size}×{size} px windows, σ {p.SigmaPx:G3} px{(kept.Length > 0 ? $"; kept the network's position: {kept}" : string.Empty)})");
    }

    private string Describe(RefinementOutcome outcome) => outcome switch
    {
        RefinementOutcome.Crowded => "crowded",
        RefinementOutcome.NotConverged => "not converged",
        RefinementOutcome.Moved => string.Create(CultureInfo.InvariantCulture, $"moved > {_ipsf?.Parameters.MaxShiftPx ?? _refiner!.Parameters.MaxShiftPx:G3} px"),
        RefinementOutcome.ImplausibleSigma => "σ implausible",
        RefinementOutcome.PoorFit => "poor fit",
        _ => "unfittable",
    };

    // The joint iPSF fit with the aberration-free field of the model recipe's objective, at the movie's pixel size.
    private static LocalizeRefinement CreateIpsf(RefineRequest request, LocalizeModel model, ResolvedProperties sample, double pixelSizeNm)
    {
        RequireNoSettings(request, MleSettings(request), Mle);
        var parameters = new IpsfRefinementParameters();
        if (request.MaxShiftPx is { } shift)
        {
            parameters = parameters with { MaxShiftPx = shift };
        }

        if (request.SearchThreshold is { } search)
        {
            if (!(search >= 0) || !double.IsFinite(search))
            {
                throw new UserInputException($"--refine-search {search}: expected 0 (no search) or a positive number of median Δ");
            }

            parameters = search > 0 ? parameters with { SearchRounds = 1, SearchThreshold = search } : parameters;
        }

        if (request.SplitThreshold is { } split)
        {
            if (!(split >= 0) || !double.IsFinite(split))
            {
                throw new UserInputException($"--refine-split {split}: expected 0 (no splits) or a positive number of residual variances");
            }

            parameters = parameters with { SplitThreshold = split };
        }

        if (model.RecipeSimulator is not IscatSimulator iscat)
        {
            throw new UserInputException($"--refine {Ipsf}: {model.Path} was trained on {model.RecipeSimulator.Description} frames; the iPSF fit applies to iscat models");
        }

        var (low, high) = iscat.DepthRangeNm;
        var field = iscat.AberrationFreeField(sample, pixelSizeNm);
        return new LocalizeRefinement(new IpsfRefiner(new IscatFieldModel(field, low, high), parameters));
    }

    // Options that set up --refine mle.
    private static List<string> MleSettings(RefineRequest request) => new (string Option, bool Given)[]
    {
        ("--refine-roi", request.RoiRadiusPx is not null), ("--refine-sigma", request.SigmaPx is not null),
        ("--baseline", request.BaselineAdu is not null), ("--gain", request.ElectronsPerAdu is not null), ("--em-gain", request.EmGain is not null),
        ("--qe", request.QuantumEfficiency is not null), ("--read-noise", request.ReadNoiseElectrons is not null),
    }.Where(o => o.Given).Select(o => o.Option).ToList();

    // Options that set up --refine ipsf.
    private static List<string> IpsfSettings(RefineRequest request) => new (string Option, bool Given)[]
    {
        ("--refine-search", request.SearchThreshold is not null), ("--refine-split", request.SplitThreshold is not null),
    }.Where(o => o.Given).Select(o => o.Option).ToList();

    private static void RequireNoSettings(RefineRequest request, List<string> given, string method)
    {
        if (given.Count > 0)
        {
            throw new UserInputException($"{string.Join(", ", given)} set{(given.Count == 1 ? "s" : string.Empty)} up --refine {method}, not --refine {request.Method}; drop {(given.Count == 1 ? "it" : "them")}");
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
