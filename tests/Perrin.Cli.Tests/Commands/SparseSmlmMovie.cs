namespace Perrin.Cli.Tests.Commands;

/// <summary>Three 64 × 64 EMCCD frames of 15 emitters each (0.37 /µm²) through a Gaussian PSF of σ 100 nm.</summary>
public sealed class SparseSmlmMovie : IDisposable
{
    private readonly TempFolder _folder = new();

    public SparseSmlmMovie()
    {
        Assert.True(File.Exists(Model), $"the shipped model is missing: {Model}");
        File.WriteAllText(_folder["sparse.yaml"], """
            image: { width: 64, height: 64 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian, sigma_nm: 100 } }
            sample:
              - { feature: point_emitter, count: 15, x: { uniform: [-0.5, 63.5] }, y: { uniform: [-0.5, 63.5] }, photons: { log_uniform: [1500, 6000] } }
            camera: { preset: smlm-challenge-emccd, background_photons: 50 }
            seed: 405
            """);
        var (code, _, error) = CliHarness.Run("simulate", _folder["sparse.yaml"], "-n", "3", "-o", Movie, "--truth", Truth, "--threads", "1");
        Assert.True(code == 0, error);
    }

    public static string Model => Path.GetFullPath(Path.Combine(ExampleRecipes.PathOf("smlm-dense.yaml"), "..", "..", "..", "models", "smlm-dense", "model.safetensors"));

    public string Movie => _folder["movie.tif"];

    public string Truth => _folder["truth.csv"];

    public void Dispose() => _folder.Dispose();
}
