using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Recipes;

/// <summary>Damaged recipes either read or fail with a located <see cref="RecipeException"/>, never anything else.</summary>
public class RecipeMutationTests
{
    private static readonly string Valid = File.ReadAllText(RecipeReaderTests.ExamplePath);

    private const string Alphabet = "0123456789.,-+eE:[]{}\"'=*&!|>#?%@` \t\nxyzna_()^/~";

    private static Gen<string> Mutated { get; } =
        from edits in Gen.ListOf(
            from kind in Gen.Choose(0, 2)
            from at in Gen.Choose(0, 100_000)
            from c in Gen.Elements(Alphabet.ToCharArray())
            select (kind, at, c)).Resize(6)
        select Apply(Valid, edits);

    private static string Apply(string source, IEnumerable<(int Kind, int At, char C)> edits)
    {
        var text = new StringBuilder(source);
        foreach (var (kind, at, c) in edits)
        {
            var i = at % (text.Length + 1);
            if (kind == 0)
            {
                text.Insert(i, c);
            }
            else if (i < text.Length)
            {
                if (kind == 1)
                {
                    text.Remove(i, 1);
                }
                else
                {
                    text[i] = c;
                }
            }
        }

        return text.ToString();
    }

    private static bool ReadsOrFailsCleanly(string text)
    {
        try
        {
            var recipe = RecipeReader.Read(text, "fuzz.yaml");
            return RecipeReader.Read(RecipeWriter.Write(recipe), "again.yaml").Equals(recipe);
        }
        catch (RecipeException error)
        {
            return error.Message.StartsWith("fuzz.yaml", StringComparison.Ordinal) && error.Line is null or >= 1;
        }
    }

    [Fact]
    public void MutatedRecipesReadOrFailWithARecipeError()
    {
        Prop.ForAll(Mutated.ToArbitrary(), ReadsOrFailsCleanly).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }
}
