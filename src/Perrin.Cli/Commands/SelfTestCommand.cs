using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.SelfTest;
using Spectre.Console;

namespace Perrin.Cli.Commands;

/// <summary>`perrin selftest`: every file path Perrin offers, on a seeded test movie, each result read back and checked.</summary>
internal static class SelfTestCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder for everything the self-check writes", DefaultValueFactory = _ => "perrin-selftest" };
        var frames = new Option<int>("--frames") { Description = "Frames in the test movie", DefaultValueFactory = _ => 100 };
        var size = new Option<int>("--size") { Description = "Width and height of the test movie in pixels", DefaultValueFactory = _ => 256 };
        var spots = new Option<int>("--spots") { Description = "Spots in the test movie", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random draw", DefaultValueFactory = _ => 1910 };
        var command = new Command("selftest", "Check the file pipeline end to end on a seeded test movie: TIFF, PNG and table round trips, each read back")
        {
            output, frames, size, spots, seed,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var (f, s, n) = (parse.GetValue(frames), parse.GetValue(size), parse.GetValue(spots));
            if (f < 1 || s < 32 || s > 4096 || n < 0)
            {
                throw new UserInputException("--frames must be at least 1, --size between 32 and 4096, --spots not negative");
            }

            var run = new SelfTestRun(console, parse.GetValue(output)!);
            var passed = run.Execute(f, s, n, parse.GetValue(seed));
            var table = new Table().Border(TableBorder.Rounded).AddColumn("check").AddColumn("result").AddColumn("what");
            foreach (var (name, ok, detail) in run.Checks)
            {
                table.AddRow(Markup.Escape(name), ok ? "[green]passed[/]" : "[red]FAILED[/]", Markup.Escape(detail));
            }

            console.Ansi.Write(table);
            return passed ? ExitCodes.Ok : ExitCodes.InternalError;
        }));
        return command;
    }
}
