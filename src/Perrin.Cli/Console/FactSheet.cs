using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Perrin.Cli.Console;

/// <summary>An ordered list of named facts about a file, shown as a table for people or as JSON for scripts.</summary>
internal sealed class FactSheet
{
    private readonly List<(string Key, string Label, object? Value)> _facts = [];

    public FactSheet Add(string key, string label, object? value)
    {
        _facts.Add((key, label, value));
        return this;
    }

    public object? this[string key] => _facts.Find(f => f.Key == key).Value;

    public void Render(CliConsole console, bool json)
    {
        if (json)
        {
            var node = new JsonObject();
            foreach (var (key, _, value) in _facts)
            {
                node[key] = value switch
                {
                    null => null,
                    string s => JsonValue.Create(s),
                    bool b => JsonValue.Create(b),
                    int i => JsonValue.Create(i),
                    long l => JsonValue.Create(l),
                    double d when double.IsFinite(d) => JsonValue.Create(d),
                    double => null,
                    _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                };
            }

            console.Out.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
        foreach (var (_, label, value) in _facts)
        {
            table.AddRow(Markup.Escape(label), Markup.Escape(Format(value)));
        }

        console.Ansi.Write(table);
    }

    private static string Format(object? value) => value switch
    {
        null => "unknown",
        bool b => b ? "yes" : "no",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
