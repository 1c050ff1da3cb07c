using System.Globalization;

namespace Perrin.Cli.Demo;

/// <summary>
/// The physics of the demo's held-out movies: the iscat-dense recipe's microscope (662 nm, NA 1.4 oil objective,
/// 23 nm pixels, pupil field PSF, coverslip speckle, shot noise) with point scatterers diffusing on a membrane at the
/// coverslip. The reference is fixed at the geometric middle of the recipe's 10⁴–10⁵ photons, so that density is
/// the only thing that changes between movies; the amplitudes are the upper decade of the recipe's range, where one
/// frame holds enough signal to find a particle (at |s| = 10⁻³ the peak contrast 2|s| is a fifth of the shot noise).
/// </summary>
internal sealed class DemoScenario
{
    public const double PixelSizeNm = 23;
    public const double WavelengthNm = 662;
    public const double Na = 1.4;
    public const double MediumIndex = 1.518;
    public const double SampleIndex = 1.333;
    public const double ReferencePhotons = 30_000;
    public const double SpeckleRmsNm = 0.5;
    public const double SpeckleCorrelationNm = 60;
    public const double AmplitudeLow = 0.005;
    public const double AmplitudeHigh = 0.05;

    /// <summary>Membrane-bound 20–40 nm particles diffuse at a few tenths of µm²/s.</summary>
    public const double DiffusionUm2PerS = 0.3;

    /// <summary>200 frames/s: an rms step of √(2DΔt) = 55 nm (2.4 px) per axis, so links stay unambiguous at low density.</summary>
    public const double FrameIntervalMs = 5;

    public DemoScenario(int size, int frames, ulong seed)
    {
        Size = size;
        Frames = frames;
        Seed = seed;
    }

    public int Size { get; }

    public int Frames { get; }

    public ulong Seed { get; }

    public double FrameIntervalS => FrameIntervalMs / 1000;

    /// <summary>Field of view in µm².</summary>
    public double AreaUm2 => Size * PixelSizeNm / 1000 * (Size * PixelSizeNm / 1000);

    /// <summary>The standard deviation of one axis' step between frames, nm.</summary>
    public double StepNm => Math.Sqrt(2 * DiffusionUm2PerS * FrameIntervalS) * 1000;

    /// <summary>
    /// σ of the Gaussian that matches the centre of the field PSF 2J₁(v)/v ≈ exp(−v²/8): λ/(π·NA), in pixels. The
    /// interferometric term is linear in the field, so an iSCAT spot is this wide, not the intensity PSF's width.
    /// </summary>
    public static double SpotSigmaPx => WavelengthNm / (Math.PI * Na) / PixelSizeNm;

    /// <summary>
    /// Particles of the movie at <paramref name="density"/>: a fixed count rather than a Poisson draw, so that the
    /// movie's mean density is the one asked for (its particles enter and leave, as many in the field on average).
    /// </summary>
    public int Count(double density) => Math.Max(1, (int)Math.Round(density * AreaUm2));

    /// <summary>The recipe of the movie at <paramref name="density"/> particles per µm².</summary>
    public string RecipeText(double density)
    {
        var c = CultureInfo.InvariantCulture;
        var edge = (Size - 0.5).ToString("R", c);
        return string.Create(c, $$"""
            # perrin demo: held-out iSCAT movie, {{density}} particles/µm², seed {{Seed}}
            recipe: demo-iscat
            image: { width: {{Size}}, height: {{Size}} }
            optics:
              modality: iscat
              na: {{Na}}
              wavelength_nm: {{WavelengthNm}}
              medium_index: {{MediumIndex}}
              pixel_size_nm: {{PixelSizeNm}}
              psf: { model: pupil, defocus_nm: 0 }
              reference_photons: {{ReferencePhotons}}
              substrate_index: {{MediumIndex}}
              sample_index: {{SampleIndex}}
              speckle_rms_nm: {{SpeckleRmsNm}}
              speckle_correlation_nm: {{SpeckleCorrelationNm}}
            sample:
              - feature: point_emitter
                count: {{Count(density)}}
                x: { uniform: [-0.5, {{edge}}] }
                y: { uniform: [-0.5, {{edge}}] }
                intensity: { log_uniform: [{{AmplitudeLow}}, {{AmplitudeHigh}}] }
                phase_rad: { uniform: [0, 6.283185307179586] }
            dynamics:
              model: brownian
              frame_interval_ms: {{FrameIntervalMs}}
              diffusion_um2_per_s: {{DiffusionUm2PerS}}
            camera: { preset: ideal }
            seed: {{Seed}}

            """);
    }
}
