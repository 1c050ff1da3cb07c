using Perrin.Cli.Console;
using Perrin.Core.IO;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli;

/// <summary>
/// Runs a command's body and turns failures into exit codes: a user's mistake (bad file, bad option, missing file)
/// is a one-line message and exit code 1; anything else is a defect, reported as such with exit code 2.
/// </summary>
internal static class CommandRunner
{
    public static int Run(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UserError;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            console.Error.WriteLine("This is a defect in Perrin, not in your input. Set PERRIN_DEBUG=1 for details.");
            if (Environment.GetEnvironmentVariable("PERRIN_DEBUG") is not null)
            {
                console.Error.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static bool IsUserError(Exception e) => e is PerrinFormatException
        or UserInputException
        or RecipeException
        or FileNotFoundException
        or DirectoryNotFoundException
        or UnauthorizedAccessException
        or PathTooLongException
        or IOException;
}
