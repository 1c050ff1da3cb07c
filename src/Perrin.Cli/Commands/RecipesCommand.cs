using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Recipes;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Commands;

/// <summary>`perrin recipes [NAME]`: lists the built-in recipes, or prints one to copy and edit.</summary>
internal static class RecipesCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string?>("name") { Description = "A built-in recipe to print as YAML (perrin recipes NAME > my.yaml)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("recipes", "List the built-in recipes, or print one; any command that takes a recipe file also takes these names") { name };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            if (parse.GetValue(name) is not { } asked)
            {
                var width = BuiltInRecipes.Names.Max(n => n.Length);
                foreach (var recipe in BuiltInRecipes.Names)
                {
                    console.Out.WriteLine($"{recipe.PadRight(width)}  {BuiltInRecipes.Summary(recipe)}");
                }

                return ExitCodes.Ok;
            }

            var builtIn = RecipeSource.BuiltInName(asked) ?? throw RecipeSource.NotFound(asked);
            console.Out.Write(BuiltInRecipes.Text(builtIn));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
