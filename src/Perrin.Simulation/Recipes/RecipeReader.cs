using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Reads a YAML recipe into a validated <see cref="Recipe"/>. Every problem, YAML syntax included, is a
/// <see cref="RecipeException"/> naming the file, line, column and field.
/// </summary>
public static class RecipeReader
{
    /// <summary>Recipes are a page of text; anything far larger is not one.</summary>
    public const int MaxCharacters = 1 << 20;

    private const int MaxNesting = 64;
    private const int MaxIndentation = 256;

    public static Recipe ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var length = new FileInfo(path).Length;
        if (length > MaxCharacters * 4L)
        {
            throw new RecipeException(path, null, string.Empty, $"the file holds {length} bytes; a recipe is at most {MaxCharacters} characters");
        }

        return Read(File.ReadAllText(path), path);
    }

    public static Recipe Read(TextReader reader, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader.ReadToEnd(), fileName);
    }

    public static Recipe Read(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckShape(text, fileName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new RecipeException(fileName, new SourceLocation((int)error.Start.Line, (int)error.Start.Column), string.Empty, "YAML syntax: " + Describe(error));
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner reports some malformed text through these instead of a YamlException, without a position.
            throw new RecipeException(fileName, null, string.Empty, "YAML syntax: the text is not valid YAML (" + error.Message + ")");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new RecipeException(fileName, null, string.Empty, "the recipe is empty");
        }

        if (stream.Documents.Count > 1)
        {
            var start = stream.Documents[1].RootNode.Start;
            throw new RecipeException(fileName, new SourceLocation((int)start.Line, (int)start.Column), string.Empty, "a recipe file holds one YAML document, not several");
        }

        var recipe = new YamlRecipeBinder(fileName).Bind(stream.Documents[0].RootNode);
        RecipeValidator.Validate(recipe);
        return recipe;
    }

    /// <summary>YamlDotNet's messages start with the positions we already report.</summary>
    private static string Describe(YamlException error)
    {
        var message = error.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }

    /// <summary>The YAML parser recurses per nesting level: refuse depths no recipe has before it runs.</summary>
    private static void CheckShape(string text, string? fileName)
    {
        if (text.Length > MaxCharacters)
        {
            throw new RecipeException(fileName, null, string.Empty, $"the recipe is {text.Length} characters long; at most {MaxCharacters} are allowed");
        }

        var depth = 0;
        var line = 1;
        var column = 0;
        var indenting = true;
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                indenting = true;
                continue;
            }

            indenting &= c == ' ';
            if (indenting && column > MaxIndentation)
            {
                throw new RecipeException(fileName, new SourceLocation(line, column), string.Empty, $"the line is indented by more than {MaxIndentation} columns");
            }

            depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
            if (depth > MaxNesting)
            {
                throw new RecipeException(fileName, new SourceLocation(line, column), string.Empty, $"brackets nest deeper than {MaxNesting} levels");
            }
        }
    }
}
