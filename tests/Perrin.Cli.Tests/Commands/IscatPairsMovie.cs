namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// Six 96 × 96 iSCAT frames of four bright point scatterers each (|s| 0.03, random phase, height and focus), placed
/// at random so that some pairs overlap, on a flat coverslip at 5·10⁴ photons per pixel.
/// </summary>
public sealed class IscatPairsMovie : IDisposable
{
    private readonly TempFolder _folder = new();

    public IscatPairsMovie()
    {
        Assert.True(File.Exists(Model), $"the shipped model is missing: {Model}");
        File.WriteAllText(_folder["pairs.yaml"], """
            image: { width: 96, height: 96 }
            optics:
              modality: iscat
              na: 1.4
              wavelength_nm: 662
              medium_index: 1.518
              pixel_size_nm: 23
              psf: { model: pupil, defocus_nm: { uniform: [-100, 100] } }
              reference_photons: 50000
              substrate_index: 1.518
              sample_index: 1.333
            sample:
              - { feature: point_emitter, count: 4, x: { uniform: [16, 80] }, y: { uniform: [16, 80] }, z: { uniform: [0, 200] }, intensity: 0.03, phase_rad: { uniform: [0, 6.283185307179586] } }
            camera: { preset: ideal }
            seed: 91
            """);
        var (code, _, error) = CliHarness.Run("simulate", _folder["pairs.yaml"], "-n", "6", "-o", Movie, "--truth", Truth, "--threads", "1");
        Assert.True(code == 0, error);
    }

    public static string Model => Path.GetFullPath(Path.Combine(ExampleRecipes.PathOf("iscat-dense.yaml"), "..", "..", "..", "models", "iscat-dense", "model.safetensors"));

    public string Movie => _folder["movie.tif"];

    public string Truth => _folder["truth.csv"];

    public void Dispose() => _folder.Dispose();
}
