using System.CommandLine;
using Perrin.Cli.Console;

namespace Perrin.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void VersionPrintsTheAssemblyVersion()
    {
        var (code, output, _) = CliHarness.Run("--version");
        Assert.Equal(0, code);
        Assert.StartsWith("0.1.0", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommandHasHelp()
    {
        var root = PerrinApp.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false));
        var paths = new List<string[]>();
        Collect(root, [], paths);
        Assert.Contains(paths, p => p.SequenceEqual(new[] { "info" }));
        Assert.Contains(paths, p => p.SequenceEqual(new[] { "convert" }));
        Assert.Contains(paths, p => p.SequenceEqual(new[] { "bench", "io" }));
        foreach (var path in paths)
        {
            var (code, output, _) = CliHarness.Run([.. path, "--help"]);
            Assert.Equal(0, code);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
            Assert.Contains(path[^1], output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownOptionIsAUserError()
    {
        var (code, _, error) = CliHarness.Run("info", "x.tif", "--frobnicate");
        Assert.Equal(1, code);
        Assert.Contains("--frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsAUserErrorNamingTheFile()
    {
        var (code, _, error) = CliHarness.Run("info", "/nonexistent/movie.tif");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/movie.tif", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static void Collect(Command command, string[] prefix, List<string[]> paths)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] path = [.. prefix, sub.Name];
            paths.Add(path);
            Collect(sub, path, paths);
        }
    }
}
