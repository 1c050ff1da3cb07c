using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using Perrin.Simulation.Iscat;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Scatterers.Mie;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Interferometric scattering (iSCAT): the camera sees I = N·|E_r' + Σ E_s|² photons per pixel (plus
/// <c>camera.background_photons</c>), N = <c>optics.reference_photons</c>, with the fields relative to a flat
/// coverslip's reference, so a flat frame without particles has mean N and relative shot noise 1/√N; the
/// |E_s|² terms are kept. E_r' is 1, or the reference reflected by a rough coverslip (<see cref="SubstrateSpeckle"/>,
/// drawn from the stream (seed, sample, <see cref="SubstrateSpeckle.Purpose"/>); a movie uses sample 0's, see
/// <see cref="Speckle"/>).
/// Each scatterer has a complex peak amplitude s (see <see cref="IscatField"/>) times exp(i·4π·n_sample·z/λ), the
/// extra round trip from the interface at z = 0 to the particle and back, so its contrast flips sign when z moves
/// by λ/(4·n_sample):
/// <list type="bullet">
/// <item><c>point_emitter</c>: s = <c>intensity</c>·exp(i·<c>phase_rad</c>), a point scatterer;</item>
/// <item><c>mie_sphere</c> (radius_nm, real refractive_index, in <c>optics.sample_index</c>): s from
/// <see cref="MieBackscatter.RelativeAmplitude"/> against the reference reflectivity
/// (<c>optics.reference_reflectivity</c>, else Fresnel for <c>optics.substrate_index</c> on the sample index).</item>
/// </list>
/// The field PSF (<c>optics.psf.model</c>) is <c>pupil</c> (the default: <see cref="PupilPsf"/> with the
/// Zernike terms, tabulated as a <see cref="CoherentPsfTable"/> every <see cref="DepthStepWavelengths"/>·λ/n over
/// the depths the first <see cref="RecipePsfs.DepthProbeSamples"/> samples draw, and focus, within
/// ±<see cref="RecipePsfs.DepthReachNm"/>) or <c>sinc</c> (<see cref="SincPsf"/>, in focus). Patches reach
/// <see cref="ReachWavelengthsOverNa"/>·λ/NA plus the largest depth from the focus. Depth = z − psf.defocus_nm.
/// The truth's <see cref="ParticleTruth.Contrast"/> is C = |1 + E_s(x₀)|² − 1 = 2·Re E_s(x₀) + |E_s(x₀)|², E_s(x₀)
/// being the particle's own field at its position (on a pixel centre, with a flat reference, alone): the signed peak
/// of the normalized difference I/N − 1; <see cref="ParticleTruth.Intensity"/> is |s|.
/// </summary>
public sealed class IscatSimulator : ImageSimulator
{
    public const double DepthStepWavelengths = 0.1;
    public const double ReachWavelengthsOverNa = 2;
    public const int OffsetsPerPixel = 4;

    private readonly ConcurrentDictionary<(PupilModel Model, string Kind), Lazy<IscatField>> _fields = new();
    private readonly MieSphereCache _spheres = new();
    private readonly (double Low, double High) _depths;
    private SpeckleEntry? _lastSpeckle;

    public IscatSimulator(Recipe recipe)
        : base(recipe)
    {
        if (recipe.Optics.Modality != "iscat")
        {
            throw RecipeErrors.At(recipe, "optics.modality", $"optics.modality '{recipe.Optics.Modality}' is not iscat");
        }

        PsfModel = recipe.Optics.PsfModel ?? "pupil";
        if (PsfModel is not ("pupil" or "sinc"))
        {
            throw RecipeErrors.At(recipe, "optics.psf.model", $"optics.psf.model '{PsfModel}' has no field for iscat; use pupil or sinc");
        }

        var first = Sampler.Resolve(0UL);
        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            var group = first.Group($"sample[{k}]");
            (string Type, string[] Needs) need = recipe.Sample[k].Type switch
            {
                "point_emitter" => ("point_emitter", ["intensity"]),
                "mie_sphere" => ("mie_sphere", ["radius_nm", "refractive_index"]),
                var other => throw RecipeErrors.At(recipe, $"sample[{k}]", $"sample[{k}] is a {other}; iscat images are simulated from point_emitter (point scatterers of amplitude intensity) and mie_sphere features"),
            };
            foreach (var name in need.Needs)
            {
                if (!group.Has(name))
                {
                    throw RecipeErrors.At(recipe, $"sample[{k}]", $"sample[{k}] ({need.Type}) needs {name} for iscat");
                }
            }
        }

        if (!first.TryGet("optics.reference_photons", out _))
        {
            throw RecipeErrors.At(recipe, "optics", "iscat needs optics.reference_photons, the photons per pixel of the reference");
        }

        _depths = ProbeDepths();
        Optics(first);
        Field(first);
    }

    /// <summary>pupil or sinc.</summary>
    public string PsfModel { get; }

    public override string Description => $"iscat, {PsfModel} field";

    /// <summary>The iSCAT optics of a sample; a field that makes no sense is a located recipe error.</summary>
    public IscatOptics Optics(ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        OpticalSystem system;
        try
        {
            system = new OpticalSystem(sample.Number("optics.na"), sample.Number("optics.wavelength_nm"), sample.Number("optics.medium_index"), sample.Number("optics.pixel_size_nm"));
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(Recipe, "optics", error.Message);
        }

        var optics = new IscatOptics
        {
            System = system,
            ReferencePhotons = sample.Number("optics.reference_photons"),
            SubstrateIndex = Number(sample, "optics.substrate_index", IscatOptics.DefaultSubstrateIndex),
            SampleIndex = Number(sample, "optics.sample_index", IscatOptics.DefaultSampleIndex),
            ReferenceReflectivity = sample.TryGet("optics.reference_reflectivity", out var r) ? r.Number : null,
            SpeckleRmsNm = Number(sample, "optics.speckle_rms_nm", 0),
            SpeckleCorrelationNm = Number(sample, "optics.speckle_correlation_nm", double.NaN),
            DefocusNm = Number(sample, "optics.psf.defocus_nm", 0),
        };
        if (optics.SpeckleRmsNm > 0 && double.IsNaN(optics.SpeckleCorrelationNm))
        {
            throw RecipeErrors.At(Recipe, "optics.speckle_rms_nm", "optics.speckle_rms_nm > 0 needs optics.speckle_correlation_nm, the correlation length of the roughness");
        }

        if (!(optics.Reflectivity > 0))
        {
            throw RecipeErrors.At(Recipe, "optics.substrate_index", "optics.substrate_index equals optics.sample_index, so the coverslip reflects no reference; give optics.reference_reflectivity");
        }

        return optics;
    }

    /// <summary>The field PSF of a sample's optics, built once per distinct optics and shared.</summary>
    public IscatField Field(ResolvedProperties sample)
    {
        var system = Optics(sample).System;
        var model = RecipePsfs.Pupil(Recipe, sample, system);
        return _fields.GetOrAdd((model, PsfModel), key => new Lazy<IscatField>(() => Build(key.Model))).Value;
    }

    /// <summary>
    /// The field PSF of a sample's objective without aberrations, imaged at <paramref name="pixelSizeNm"/>, over
    /// <see cref="DepthRangeNm"/>: the nominal iPSF a fit of real frames can assume when the aberrations are unknown.
    /// </summary>
    public IscatField AberrationFreeField(ResolvedProperties sample, double pixelSizeNm)
    {
        var system = Optics(sample).System;
        OpticalSystem imaged;
        try
        {
            imaged = new OpticalSystem(system.NumericalAperture, system.WavelengthNm, system.MediumIndex, pixelSizeNm);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(Recipe, "optics", error.Message);
        }

        return _fields.GetOrAdd((new PupilModel(imaged), PsfModel), key => new Lazy<IscatField>(() => Build(key.Model))).Value;
    }

    /// <summary>The depths from focus (z − psf.defocus_nm, nm) the recipe's particles take, probed on its first samples, and focus.</summary>
    public (double Low, double High) DepthRangeNm => _depths;

    /// <summary>
    /// The reference E_r' (relative to a flat coverslip's) of sample <paramref name="sampleIndex"/>, W × H row-major,
    /// or null when the coverslip is flat. A pure function of (seed, sample), drawn with sample 0's optics when the
    /// sample is a movie's; the latest is kept, so a movie draws it once.
    /// </summary>
    public Complex[]? Speckle(ulong sampleIndex, ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var speckle = Optics(sample).Speckle;
        if (speckle is null)
        {
            return null;
        }

        // One entry, replaced whole and published with release semantics: threads rendering other samples at the
        // same time only miss the cache, they never see a half-built field.
        if (Volatile.Read(ref _lastSpeckle) is { } last && last.Sample == sampleIndex && last.Model.Equals(speckle))
        {
            return last.Field;
        }

        var field = new Complex[CanvasWidth * CanvasHeight];
        speckle.Draw(SubstrateSpeckle.Stream(Recipe.Seed, sampleIndex), CanvasWidth, CanvasHeight, field);
        Volatile.Write(ref _lastSpeckle, new SpeckleEntry(sampleIndex, speckle, field));
        return field;
    }

    public override ParticleTruth[] Describe(ResolvedProperties sample, ParticleTruth[] truth)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(truth);
        var optics = Optics(sample);
        var field = Field(sample);
        for (var i = 0; i < truth.Length; i++)
        {
            var p = truth[i];
            var peak = Peak(sample, p, optics, field);
            var centre = field.Centre(RecipePsfs.Depth(sample, p.Z), peak * PathPhase(optics, p.Z));
            truth[i] = p with
            {
                Photons = double.NaN,
                Intensity = peak.Magnitude,
                Contrast = (2 * centre.Real) + (centre.Real * centre.Real) + (centre.Imaginary * centre.Imaginary),
            };
        }

        return truth;
    }

    /// <summary>The expected photons per pixel (no camera) of the particles, for checks and noise-free targets.</summary>
    public void RenderExpected(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, Span<float> photons)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (photons.Length != CanvasWidth * CanvasHeight)
        {
            throw new ArgumentException($"the image holds {photons.Length} pixels, not {CanvasWidth}×{CanvasHeight}", nameof(photons));
        }

        RenderSignal(sample, truth, photons);
    }

    protected override void RenderSignal(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, Span<float> signal)
    {
        var optics = Optics(sample);
        var iscat = Field(sample);
        var area = CanvasWidth * CanvasHeight;
        var buffer = ArrayPool<Complex>.Shared.Rent(area);
        try
        {
            var field = buffer.AsSpan(0, area);
            if (Speckle(sample.Stream, sample) is { } reference)
            {
                reference.CopyTo(field);
            }
            else
            {
                field.Fill(Complex.One);
            }

            foreach (ref readonly var p in truth)
            {
                if (p.IsOn)
                {
                    var peak = Peak(sample, p, optics, iscat);
                    iscat.Add(field, CanvasWidth, CanvasHeight, p.X, p.Y, RecipePsfs.Depth(sample, p.Z), peak * PathPhase(optics, p.Z));
                }
            }

            var photons = optics.ReferencePhotons;
            var background = RecipeCameraModels.BackgroundPhotons(sample);
            for (var i = 0; i < area; i++)
            {
                var e = field[i];
                signal[i] = (float)((photons * ((e.Real * e.Real) + (e.Imaginary * e.Imaginary))) + background);
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(buffer);
        }
    }

    private static Complex PathPhase(IscatOptics optics, double zNm) => Complex.FromPolarCoordinates(1, optics.RoundTripRadiansPerNm * zNm);

    private static double Number(ResolvedProperties sample, string path, double fallback) =>
        sample.TryGet(path, out var value) ? value.Number : fallback;

    // A movie's particles (Copy −1, Feature −1) take the properties of the first copy of the first feature.
    private Complex Peak(ResolvedProperties sample, in ParticleTruth p, IscatOptics optics, IscatField field)
    {
        var k = Math.Max(p.Feature, 0);
        var copy = Math.Max(p.Copy, 0);
        var group = sample.Group($"sample[{k}]");
        if (Recipe.Sample[k].Type == "point_emitter")
        {
            var phase = group.Has("phase_rad") ? group.Number(copy, "phase_rad") : 0;
            return Complex.FromPolarCoordinates(group.Number(copy, "intensity"), phase);
        }

        var sphere = _spheres.Get(group.Number(copy, "radius_nm"), group.Number(copy, "refractive_index"), optics.SampleIndex, optics.System.WavelengthNm);
        return field.PeakField * MieBackscatter.RelativeAmplitude(sphere, optics.System.NumericalAperture, optics.Reflectivity, optics.System.PixelSizeNm);
    }

    private IscatField Build(PupilModel model)
    {
        var system = model.System;
        var reach = (ReachWavelengthsOverNa * system.WavelengthNm / system.NumericalAperture) + Math.Max(Math.Abs(_depths.Low), Math.Abs(_depths.High));
        if (PsfModel == "sinc")
        {
            return new IscatField(SincPsf.FromSystem(system, reach, OffsetsPerPixel));
        }

        PupilPsf pupil;
        try
        {
            pupil = new PupilPsf(model);
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(Recipe, "optics", error.Message);
        }

        var radius = (int)Math.Min(Math.Ceiling(reach / system.PixelSizeNm), (pupil.PeriodPixels - 2) / 2);
        var step = DepthStepWavelengths * system.WavelengthNm / system.MediumIndex;
        var count = _depths.High > _depths.Low ? (int)Math.Ceiling((_depths.High - _depths.Low) / step) + 1 : 1;
        var options = (count == 1 ? PsfTableOptions.AtDepth(_depths.Low) : PsfTableOptions.DepthRange(_depths.Low, _depths.High, count))
            with { PatchSize = (2 * radius) + 1, OffsetsPerPixel = OffsetsPerPixel };
        return new IscatField(CoherentPsfTable.Build(pupil, options), pupil);
    }

    // Depths (z − defocus) of the first samples' particles, and focus, within ±DepthReachNm.
    private (double Low, double High) ProbeDepths()
    {
        double low = 0, high = 0;
        for (var s = 0UL; s < RecipePsfs.DepthProbeSamples; s++)
        {
            var sample = Sampler.Resolve(s);
            for (var k = 0; k < Recipe.Sample.Count; k++)
            {
                var group = sample.Group($"sample[{k}]");
                for (var i = 0; i < group.Count; i++)
                {
                    var depth = RecipePsfs.Depth(sample, group.Has("z") ? group.Number(i, "z") : 0);
                    low = Math.Min(low, depth);
                    high = Math.Max(high, depth);
                }
            }
        }

        return (Math.Max(low, -RecipePsfs.DepthReachNm), Math.Min(high, RecipePsfs.DepthReachNm));
    }

    private sealed record SpeckleEntry(ulong Sample, SubstrateSpeckle Model, Complex[] Field);
}
