using System.Collections.Concurrent;
using System.Numerics;
using Perrin.Core.Randomness;
using Perrin.Simulation.Coherent;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Scatterers.Mie;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Transmitted-light imaging with a coherent, on-axis plane wave of unit amplitude travelling towards the objective:
/// <list type="bullet">
/// <item><c>brightfield</c> and <c>holography</c> record I = |E_inc + E_s|², relative to the illumination (1 far
/// from particles). They are the same model: holography is brightfield with a closed condenser (a coherent
/// source), usually with the particles away from focus (z, or the focal plane moved by
/// <c>optics.psf.defocus_nm</c>); partially coherent Köhler illumination is not modelled.</item>
/// <item><c>darkfield</c> records I = |E_s|² in the same units: the unscattered beam misses the objective.</item>
/// </list>
/// E_s is the objective's image (<see cref="AngularSpectrum"/> pupil, NA, √cos θ) of the field scattered into
/// the focal plane: <c>mie_sphere</c> features by the Mie series (<see cref="MieSpectrum"/>, one sphere at a time, the
/// fields added), and the other bodies (<see cref="RecipeShapes"/>) together by <see cref="Multislice"/> with slabs of
/// <c>optics.slice_nm</c> (default: the pixel size). The field is simulated on the image plus
/// <c>optics.padding_px</c> (default 32) pixels on every side, periodic beyond. The image is I times
/// <c>optics.illumination_photons</c> (default 1) plus <c>camera.background_photons</c>; without
/// illumination_photons and with the ideal camera, nothing is counted: the image is the noise-free relative
/// intensity. Otherwise the recipe's camera records it.
/// </summary>
public sealed class CoherentSimulator : ImageSimulator
{
    public const int DefaultPaddingPixels = 32;
    private const int MieCacheCapacity = 256;

    private readonly ConcurrentDictionary<MieKey, MieSpectrum> _mie = new();
    private readonly ConcurrentDictionary<AngularSpectrum, WindowSynthesis> _windows = new();
    private readonly RecipeShapes _shapes;
    private readonly IlluminationPolarization _polarization;
    private readonly bool _darkfield;
    private readonly bool _countsPhotons;

    public CoherentSimulator(Recipe recipe)
        : base(recipe)
    {
        Modality = recipe.Optics.Modality ?? "";
        if (Modality is not ("brightfield" or "holography" or "darkfield"))
        {
            throw RecipeErrors.At(recipe, "optics.modality", $"optics.modality '{Modality}' is not brightfield, holography or darkfield");
        }

        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            if (recipe.Sample[k].Type == "point_emitter")
            {
                throw RecipeErrors.At(recipe, $"sample[{k}]", $"sample[{k}] is a point_emitter; {Modality} images are simulated from mie_sphere, sphere, ellipse, ellipsoid and cell features");
            }
        }

        _darkfield = Modality == "darkfield";
        _polarization = RecipeSection.Name(recipe.Optics.Properties, "polarization") switch
        {
            "x" => IlluminationPolarization.LinearX,
            "y" => IlluminationPolarization.LinearY,
            _ => IlluminationPolarization.Circular,
        };
        _shapes = new RecipeShapes(recipe);
        _countsPhotons = recipe.Optics.Properties.ContainsKey("illumination_photons") || recipe.Camera?.Preset is not (null or "ideal");
        var first = Properties(0);
        RenderSignal(first, Truth(first), new float[CanvasWidth * CanvasHeight]);
    }

    /// <summary>brightfield, holography or darkfield.</summary>
    public string Modality { get; }

    public override string Description => $"{Modality}, coherent plane wave, Mie spheres and multislice bodies";

    protected override void RenderSignal(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, Span<float> signal)
    {
        var pixel = sample.Number("optics.pixel_size_nm");
        var pad = sample.TryGet("optics.padding_px", out var padding) ? (int)padding.Number : DefaultPaddingPixels;
        var defocus = sample.TryGet("optics.psf.defocus_nm", out var focus) ? focus.Number : 0;
        var grid = Grid(sample, pixel, pad);
        var bodies = new List<PhaseBody>();
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i].Kind != ScattererKind.MieSphere)
            {
                var p = truth[i];
                bodies.Add(new PhaseBody(
                    _shapes.CreateShape(p with { X = p.X + pad, Y = p.Y + pad, Z = p.Z - defocus }, pixel),
                    Index(p) - grid.MediumIndex));
            }
        }

        var work = CoherentWorkspace.For(grid, CanvasWidth, CanvasHeight, bodies.Count > 0);
        var spectrum = work.Spectrum.AsSpan(0, grid.Width * grid.Height);
        var pupil = work.Pupil!;
        pupil.Clear();
        var onPupil = bodies.Count > 0;
        if (onPupil)
        {
            spectrum.Clear();
            var slice = sample.TryGet("optics.slice_nm", out var dz) ? dz.Number : pixel;
            Multislice.AddScattered(grid, [.. bodies], slice, spectrum, work.Field, work.Phase);
            pupil.Add(spectrum);
        }

        var photons = sample.TryGet("optics.illumination_photons", out var light) ? light.Number : 1;
        var background = RecipeCameraModels.BackgroundPhotons(sample);
        var window = WindowSynthesis.IsCheaperThanFft(grid, CanvasWidth, CanvasHeight)
            ? _windows.GetOrAdd(grid, g => new WindowSynthesis(g, pad, pad, CanvasWidth, CanvasHeight))
            : null;
        var spheres = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            spheres += truth[i].Kind == ScattererKind.MieSphere ? 1 : 0;
        }

        var mirrored = window is not null && window.IsMirrorCheaper(spheres);
        var fieldRe = work.FieldRe.AsSpan();
        var fieldIm = work.FieldIm.AsSpan();
        if (window is not null)
        {
            fieldRe[..window.FieldLength].Clear();
            fieldIm[..window.FieldLength].Clear();
        }

        for (var i = 0; i < truth.Length; i++)
        {
            ref readonly var p = ref truth[i];
            if (p.Kind != ScattererKind.MieSphere)
            {
                continue;
            }

            var mie = Mie(grid, p);
            if (mirrored && mie.IsMirrorSymmetric)
            {
                mie.Centred(p.Z - defocus, work.QuarterRe, work.QuarterIm);
                window!.AddMirrorSymmetric(work.QuarterRe, work.QuarterIm, p.X + pad, p.Y + pad, fieldRe, fieldIm);
            }
            else
            {
                mie.Add(pupil, (p.X + pad) * pixel, (p.Y + pad) * pixel, p.Z - defocus);
                onPupil = true;
            }
        }

        if (window is not null)
        {
            if (onPupil)
            {
                window.AddField(pupil, fieldRe, fieldIm);
            }

            window.Intensity(fieldRe, fieldIm, _darkfield ? 0 : 1, signal, (float)photons, (float)background);
            return;
        }

        if (!_darkfield)
        {
            pupil.AddPlaneWave();
        }

        var field = work.Window.AsSpan(0, CanvasWidth * CanvasHeight);
        pupil.CopyTo(spectrum);
        BandLimitedSynthesis.Inverse(grid, spectrum, pad, pad, CanvasWidth, CanvasHeight, field, work.Lines, work.Band);
        for (var i = 0; i < signal.Length; i++)
        {
            var e = field[i];
            signal[i] = (float)((photons * ((e.Real * e.Real) + (e.Imaginary * e.Imaginary))) + background);
        }
    }

    /// <summary>The recipe's camera, or nothing when no photons are counted (see the class summary).</summary>
    protected override void Record(ResolvedProperties sample, Span<float> image, RandomStream camera)
    {
        if (_countsPhotons)
        {
            base.Record(sample, image, camera);
        }
    }

    private AngularSpectrum Grid(ResolvedProperties sample, double pixel, int pad)
    {
        try
        {
            return AngularSpectrum.For(
                CanvasWidth + (2 * pad), CanvasHeight + (2 * pad), pixel,
                sample.Number("optics.wavelength_nm"), sample.Number("optics.medium_index"), sample.Number("optics.na"));
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(Recipe, "optics", error.Message);
        }
    }

    private double Index(in ParticleTruth p) => double.IsFinite(p.RefractiveIndex)
        ? p.RefractiveIndex
        : throw RecipeErrors.At(Recipe, $"sample[{Math.Max(p.Feature, 0)}]", $"sample[{Math.Max(p.Feature, 0)}] needs a refractive_index for {Modality} imaging");

    private MieSpectrum Mie(AngularSpectrum grid, in ParticleTruth p)
    {
        if (!(p.RadiusNm > 0))
        {
            throw RecipeErrors.At(Recipe, $"sample[{Math.Max(p.Feature, 0)}]", $"sample[{Math.Max(p.Feature, 0)}] needs a radius_nm for {Modality} imaging");
        }

        var key = new MieKey(grid, p.RadiusNm, Index(p));
        if (_mie.TryGetValue(key, out var found))
        {
            return found;
        }

        var sphere = new MieSphere(p.RadiusNm, new Complex(key.Index, 0), grid.MediumIndex, grid.WavelengthNm);
        var built = new MieSpectrum(new MiePupilField(sphere, grid.NumericalAperture, _polarization), grid);
        if (_mie.Count >= MieCacheCapacity)
        {
            _mie.Clear();
        }

        return _mie.GetOrAdd(key, built);
    }

    private readonly record struct MieKey(AngularSpectrum Grid, double RadiusNm, double Index);
}
