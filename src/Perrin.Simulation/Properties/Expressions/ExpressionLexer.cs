using System.Globalization;
using System.Text;

namespace Perrin.Simulation.Properties.Expressions;

/// <summary>
/// Splits an expression into numbers, names and operators. A name is a dotted path such as
/// <c>optics.psf.zernike.5</c> or <c>sample[0].photons</c>, kept in that canonical spelling.
/// </summary>
internal static class ExpressionLexer
{
    public static List<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i + 1;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(new ExpressionToken(ExpressionTokenKind.Name, start, Text: ReadPath(text, ref i)));
            }
            else
            {
                var kind = c switch
                {
                    '(' => ExpressionTokenKind.LeftParenthesis,
                    ')' => ExpressionTokenKind.RightParenthesis,
                    ',' => ExpressionTokenKind.Comma,
                    '+' => ExpressionTokenKind.Plus,
                    '-' or '\u2212' => ExpressionTokenKind.Minus,
                    '*' or '\u00D7' => ExpressionTokenKind.Times,
                    '/' or '\u00F7' => ExpressionTokenKind.Divide,
                    '^' => ExpressionTokenKind.Power,
                    _ => throw new PropertyException(string.Empty, $"unexpected character '{c}' at character {start} of the expression"),
                };
                tokens.Add(new ExpressionToken(kind, start));
                i++;
            }
        }

        tokens.Add(new ExpressionToken(ExpressionTokenKind.End, text.Length + 1));
        return tokens;
    }

    private static ExpressionToken ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        var literal = text[start..i];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new PropertyException(string.Empty, $"'{literal}' at character {start + 1} of the expression is not a number");
        }

        return new ExpressionToken(ExpressionTokenKind.Number, start + 1, value);
    }

    private static string ReadPath(string text, ref int i)
    {
        var path = new StringBuilder();
        ReadIdentifier(text, ref i, path);
        while (i < text.Length)
        {
            if (text[i] == '.' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_' || char.IsAsciiDigit(text[i + 1])))
            {
                path.Append('.');
                i++;
                if (char.IsAsciiDigit(text[i]))
                {
                    ReadDigits(text, ref i, path);
                }
                else
                {
                    ReadIdentifier(text, ref i, path);
                }
            }
            else if (text[i] == '[')
            {
                var position = i + 1;
                path.Append('[');
                i++;
                ReadDigits(text, ref i, path);
                if (i >= text.Length || text[i] != ']' || path[^1] == '[')
                {
                    throw new PropertyException(string.Empty, $"an index in brackets, such as [0], was expected at character {position} of the expression");
                }

                path.Append(']');
                i++;
            }
            else
            {
                break;
            }
        }

        return path.ToString();
    }

    private static void ReadIdentifier(string text, ref int i, StringBuilder path)
    {
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            path.Append(text[i++]);
        }
    }

    private static void ReadDigits(string text, ref int i, StringBuilder path)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            path.Append(text[i++]);
        }
    }
}
