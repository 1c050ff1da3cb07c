using System.Globalization;
using Perrin.Simulation.Properties;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Reads one property spec: a scalar (number, true/false, name, or <c>"= expression"</c>), a list of constants,
/// or a one-entry mapping naming a distribution.
/// </summary>
internal sealed class YamlSpecReader(RecipeSourceMap source)
{
    /// <summary>Bounds the work on lists built from aliases of aliases.</summary>
    private const int MaxValues = 100_000;
    private const int MaxListDepth = 8;

    private static readonly string[] Distributions = ["uniform", "normal", "log_uniform", "choice", "poisson", "integer_uniform"];

    private int _values;

    public static SourceLocation At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    public PropertySpec Read(YamlNode node, string path, bool allowDensity) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar, path),
        YamlSequenceNode sequence => new ConstantSpec(List(sequence, path, 0)),
        YamlMappingNode mapping => Distribution(mapping, path, allowDensity),
        _ => throw Error(node, path, $"{path} has a value of an unsupported kind"),
    };

    private PropertySpec Scalar(YamlScalarNode node, string path)
    {
        var text = node.Value ?? string.Empty;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('='))
        {
            return new ExpressionSpec(trimmed[1..]);
        }

        return new ConstantSpec(Constant(node, path));
    }

    private PropertyValue Constant(YamlScalarNode node, string path)
    {
        Count(node, path);
        var text = node.Value ?? string.Empty;
        if (node.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return PropertyValue.Of(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                throw Error(node, path, $"{path} has no value");
            case "true" or "True" or "TRUE":
                return PropertyValue.Of(true);
            case "false" or "False" or "FALSE":
                return PropertyValue.Of(false);
        }

        if (LooksNumeric(text))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? PropertyValue.Of(number)
                : throw Error(node, path, $"{path} = {text} is not a finite number");
        }

        return PropertyValue.Of(text);
    }

    private static bool LooksNumeric(string text)
    {
        var body = text.TrimStart('+', '-');
        return body.Length > 0 && (char.IsAsciiDigit(body[0]) || (body[0] == '.' && body.Length > 1 && (char.IsAsciiDigit(body[1]) || body[1..] is "inf" or "Inf" or "INF" or "nan" or "NaN" or "NAN")));
    }

    private PropertyValue List(YamlSequenceNode sequence, string path, int depth)
    {
        if (depth >= MaxListDepth)
        {
            throw Error(sequence, path, $"{path} nests lists deeper than {MaxListDepth} levels");
        }

        var items = new List<PropertyValue>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            items.Add(child switch
            {
                YamlScalarNode { Value: { } v } scalar when v.TrimStart().StartsWith('=') => throw Error(scalar, path, $"{path}: a list holds constants, not expressions"),
                YamlScalarNode scalar => Constant(scalar, path),
                YamlSequenceNode inner => List(inner, path, depth + 1),
                _ => throw Error(child, path, $"{path}: a list holds constants, not distributions"),
            });
        }

        return PropertyValue.Of(items);
    }

    private PropertySpec Distribution(YamlMappingNode mapping, string path, bool allowDensity)
    {
        var allowed = allowDensity ? [.. Distributions, "density_per_um2"] : Distributions;
        if (mapping.Children.Count != 1 || mapping.Children.First().Key is not YamlScalarNode { Value: { } name } keyNode)
        {
            throw Error(mapping, path, $"{path}: a mapping here must have a single entry naming a distribution: {string.Join(", ", allowed)}");
        }

        var value = mapping.Children.First().Value;
        return name switch
        {
            "uniform" => Pair(value, path, name, (a, b) => new UniformSpec(a, b)),
            "log_uniform" => Pair(value, path, name, (a, b) => new LogUniformSpec(a, b)),
            "integer_uniform" => Pair(value, path, name, (a, b) => new IntegerUniformSpec(Integer(value, path, a), Integer(value, path, b))),
            "normal" => Normal(value, path),
            "poisson" => new PoissonSpec(value is YamlMappingNode m ? Parameters(m, path, name, ["mean"], ["mean"])["mean"] : Number(value, path, name)),
            "choice" => Choice(value, path),
            "density_per_um2" when allowDensity => new DensitySpec(Number(value, path, name)),
            "density_per_um2" => throw Error(keyNode, path, $"{path}: density_per_um2 is only allowed as a feature's count"),
            _ => throw UnknownDistribution(keyNode, path, name, allowed),
        };
    }

    private RecipeException UnknownDistribution(YamlNode key, string path, string name, IReadOnlyList<string> allowed)
    {
        var guess = Suggestions.Closest(name, allowed);
        var hint = guess is null ? string.Empty : $" (did you mean {guess}?)";
        return Error(key, path, $"{path}: unknown distribution '{name}'{hint}; known: {string.Join(", ", allowed)}");
    }

    private PropertySpec Pair(YamlNode node, string path, string name, Func<double, double, PropertySpec> make)
    {
        if (node is not YamlSequenceNode { Children.Count: 2 } pair)
        {
            throw Error(node, path, $"{path}: {name} takes two numbers, [low, high]");
        }

        return make(Number(pair.Children[0], path, name), Number(pair.Children[1], path, name));
    }

    private long Integer(YamlNode node, string path, double value) =>
        Math.Floor(value) == value && Math.Abs(value) <= (1L << 53) ? (long)value : throw Error(node, path, $"{path}: integer_uniform takes two integers");

    private NormalSpec Normal(YamlNode node, string path)
    {
        var mapping = node as YamlMappingNode ?? throw Error(node, path, $"{path}: normal takes {{ mean: m, sd: s }}, optionally with min and max");
        var p = Parameters(mapping, path, "normal", ["mean", "sd", "min", "max"], ["mean", "sd"]);
        return new NormalSpec(p["mean"], p["sd"], p.TryGetValue("min", out var min) ? min : null, p.TryGetValue("max", out var max) ? max : null);
    }

    private ChoiceSpec Choice(YamlNode node, string path)
    {
        if (node is YamlSequenceNode values)
        {
            return new ChoiceSpec(List(values, path, 0).List!);
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, $"{path}: choice takes a list of values, or {{ values: [...], weights: [...] }}");
        }

        YamlSequenceNode? valueList = null;
        YamlSequenceNode? weightList = null;
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } k } ? k : string.Empty;
            _ = name switch
            {
                "values" => valueList = value as YamlSequenceNode ?? throw Error(value, path, $"{path}: choice values must be a list"),
                "weights" => weightList = value as YamlSequenceNode ?? throw Error(value, path, $"{path}: choice weights must be a list"),
                _ => throw Error(key, path, $"{path}: choice takes values and weights, not '{name}'"),
            };
        }

        if (valueList is null)
        {
            throw Error(mapping, path, $"{path}: choice needs values");
        }

        var weights = weightList?.Children.Select(w => Number(w, path, "choice")).ToList();
        return new ChoiceSpec(List(valueList, path, 0).List!, weights is null ? null : new ValueList<double>(weights));
    }

    private Dictionary<string, double> Parameters(YamlMappingNode mapping, string path, string name, string[] allowed, string[] required)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var parameter = key is YamlScalarNode { Value: { } k } ? k : string.Empty;
            if (!allowed.Contains(parameter) || result.ContainsKey(parameter))
            {
                throw Error(key, path, $"{path}: {name} takes {string.Join(", ", allowed)} (each once), not '{parameter}'");
            }

            result[parameter] = Number(value, path, name);
        }

        var missing = required.FirstOrDefault(r => !result.ContainsKey(r));
        return missing is null ? result : throw Error(mapping, path, $"{path}: {name} needs {string.Join(" and ", required)}; {missing} is missing");
    }

    private double Number(YamlNode node, string path, string name)
    {
        if (node is YamlScalarNode scalar && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            var value = Constant(scalar, path);
            if (value.IsNumber)
            {
                return value.Number;
            }
        }

        throw Error(node, path, $"{path}: {name} takes numbers here");
    }

    private void Count(YamlNode node, string path)
    {
        if (++_values > MaxValues)
        {
            throw Error(node, path, $"the recipe holds more than {MaxValues} values");
        }
    }

    private RecipeException Error(YamlNode node, string path, string problem) => new(source.FilePath, At(node), path, problem);
}
