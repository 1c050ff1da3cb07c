using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Recipes;

/// <summary>Every bad recipe is reported at its line and column, with the field path and what was expected.</summary>
public class RecipeErrorTests
{
    private const string Valid = """
        recipe: test
        image: { width: 64, height: 64 }
        optics:
          modality: fluorescence
          na: 1.4
          wavelength_nm: 680
          medium_index: 1.518
          pixel_size_nm: 100
        sample:
          - feature: point_emitter
            count: 5
            x: { uniform: [0, 64] }
            photons: 1000
        seed: 3
        """;

    public static TheoryData<string, string, int, int, string, string> Cases => new()
    {
        { "  na: 1.4", "  nA: 1.4", 5, 3, "optics.nA", "unknown field optics.nA (did you mean na?); optics allows modality, na, wavelength_nm, medium_index, pixel_size_nm, illumination_photons, padding_px, polarization, slice_nm, psf, reference_photons, reference_reflectivity, substrate_index, sample_index, speckle_rms_nm, speckle_correlation_nm" },
        { "  na: 1.4", "  na: high", 5, 7, "optics.na", "optics.na = high must be a number > 0, a distribution of numbers or an expression" },
        { "  wavelength_nm: 680", "  wavelength_nm: -680", 6, 18, "optics.wavelength_nm", "optics.wavelength_nm = -680 must be a number > 0" },
        { "  na: 1.4", "  na: 1.6", 5, 7, "optics.na", "optics.na = 1.6 exceeds optics.medium_index = 1.518; the numerical aperture cannot exceed the medium's index" },
        { "    count: 5", "    count: { density_per_um2: 2.5e7 }", 11, 12, "sample[0].count", "sample[0].count: density_per_um2 = 25000000 over the 40.96 µm² field needs 1.02E+09 particles on average; at most 1E+07 are allowed" },
        { "    photons: 1000", "    photons: \"= 2 * (x +\"", 13, 14, "sample[0].photons", "sample[0].photons: bad expression '= 2 * (x +': a number, a name, a function or '(' was expected at the end of the expression" },
        { "    photons: 1000", "    photons: \"= 2 * xx\"", 13, 14, "sample[0].photons", "sample[0].photons refers to sample[0].xx, which is not a property (did you mean sample[0].x?); its siblings are count, x" },
        { "    x: { uniform: [0, 64] }", "    x: { unifrom: [0, 64] }", 12, 10, "sample[0].x", "sample[0].x: unknown distribution 'unifrom' (did you mean uniform?); known: uniform, normal, log_uniform, choice, poisson, integer_uniform" },
        { "  - feature: point_emitter", "  - feature: point_emiter", 10, 14, "sample[0].feature", "sample[0].feature = point_emiter is not a feature type (did you mean point_emitter?); known: point_emitter, sphere, mie_sphere, ellipse, ellipsoid, cell" },
        { "    photons: 1000", "    radius_nm: 1000", 13, 5, "sample[0].radius_nm", "unknown field sample[0].radius_nm; sample[0] allows feature, count, x, y, z, photons, sigma_nm, intensity, phase_rad, snr" },
        { "image: { width: 64, height: 64 }", "image: { width: 64, height: 0 }", 2, 29, "image.height", "image.height = 0 must be an integer in [1, 16384]" },
        { "  modality: fluorescence", "  modality: confocal", 4, 13, "optics.modality", "optics.modality = confocal must be one of fluorescence, brightfield, holography, iscat, darkfield" },
        { "    count: 5", "    count: { uniform: [1, 5] }", 11, 12, "sample[0].count", "sample[0].count = { uniform: [1, 5] } draws non-integers, but it must be an integer in [0, 10000000]: use integer_uniform, poisson or choice" },
        { "    x: { uniform: [0, 64] }", "    x: { uniform: [64, 0] }", 12, 8, "sample[0].x", "sample[0].x: uniform needs finite low < high, not [64, 0]" },
        { "  pixel_size_nm: 100", "  pixel_size_nm: { normal: { mean: 100, sd: 5 } }", 8, 18, "optics.pixel_size_nm", "optics.pixel_size_nm = { normal: { mean: 100, sd: 5 } } can take any value, but it must be a number > 0: truncate the normal with min and max" },
        { "seed: 3", "seed: -3", 14, 7, "seed", "seed must be an integer in [0, 18446744073709551615]" },
        { "  pixel_size_nm: 100", "  pixel_size_nm: 100\n  pixel_size_nm: 90", 9, 3, "", "YAML syntax: Duplicate key pixel_size_nm" },
        { "    x: { uniform: [0, 64] }", "    x: { uniform: [0, 64 }", 12, 26, "", "YAML syntax: While parsing a flow sequence, did not find expected ',' or ']'." },
        { "  medium_index: 1.518", "", 4, 3, "optics", "optics is missing medium_index; it needs modality, na, wavelength_nm, medium_index, pixel_size_nm" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputIsReportedAtItsLineAndField(string line, string replacement, int expectedLine, int expectedColumn, string field, string problem)
    {
        Assert.Single(Valid.Split('\n'), l => l == line);
        var text = Valid.Replace(line, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read(text, "smlm.yaml"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(field, error.FieldPath);
        Assert.Equal(expectedLine, error.Line);
        Assert.Equal(expectedColumn, error.Column);
        Assert.Equal($"smlm.yaml, line {expectedLine}, column {expectedColumn}: {problem}", error.Message);
    }
}
