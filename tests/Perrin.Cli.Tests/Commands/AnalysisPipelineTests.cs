using System.Text.Json;

namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// The analysis commands chained on a simulated sCMOS movie of blinking emitters diffusing at a known D, as a user
/// runs them: simulate → locate (each method) → evaluate against the truth → track → msd.
/// </summary>
public sealed class AnalysisPipelineTests
{
    private const string Camera = "--baseline 100 --gain 0.46 --qe 0.82 --read-noise 1.6";

    [Fact]
    public void AMovieBecomesLocalizationsTracksAndTheDiffusionCoefficientItWasMadeWith()
    {
        using var folder = new TempFolder();
        var recipe = ExampleRecipes.PathOf("brownian-movie.yaml");
        Assert.Equal(0, CliHarness.Run("simulate", recipe, "-n", "10", "-o", folder["movie.tif"], "--truth", folder["truth.csv"]).ExitCode);

        foreach (var (method, options) in new[]
        {
            ("gauss-mle", Camera.Split(' ')),
            ("radial", Camera.Split(' ')),
            ("crocker-grier", new[] { "--diameter", "5", "--minmass", "100" }),
        })
        {
            var located = CliHarness.Run(["locate", folder["movie.tif"], "--method", method, .. options, "-o", folder[$"{method}.csv"]]);
            Assert.True(located.ExitCode == 0, located.Error);
            var (code, output, error) = CliHarness.Run("evaluate", folder[$"{method}.csv"], folder["truth.csv"], "--json");
            Assert.True(code == 0, error);
            var overall = JsonDocument.Parse(output).RootElement.GetProperty("overall");

            // Emitters within the ROI half-width of the edge (a fifth of them here) are out of reach of every
            // method, and motion during the 25 ms exposure (√(2D·t) = 100 nm) blurs the rest; the thresholds
            // are what these methods reach on this movie, with a margin.
            Assert.InRange(overall.GetProperty("precision").GetDouble(), 0.97, 1.0);
            Assert.InRange(overall.GetProperty("recall").GetDouble(), 0.55, 1.0);
            Assert.InRange(overall.GetProperty("rmse_lateral_nm").GetDouble(), 10, 50);
        }

        var tracked = CliHarness.Run("track", folder["gauss-mle.csv"], "--search-range", "5", "--memory", "3", "--pixel-size", "100",
            "--min-length", "5", "-o", folder["tracks.csv"]);
        Assert.True(tracked.ExitCode == 0, tracked.Error);
        var (msdCode, msdOut, msdError) = CliHarness.Run("msd", folder["tracks.csv"], "--px", "100", "--dt", "0.03", "--estimator", "cve",
            "--min-length", "5", "-o", folder["msd.csv"], "--json");
        Assert.True(msdCode == 0, msdError);
        var summary = JsonDocument.Parse(msdOut).RootElement;

        // The recipe's D is 0.2 µm²/s; the covariance estimator is unbiased under localization noise and blur.
        Assert.InRange(summary.GetProperty("D_um2_per_s").GetDouble(), 0.17, 0.23);
        Assert.InRange(summary.GetProperty("alpha").GetDouble(), 0.85, 1.15);
    }
}
