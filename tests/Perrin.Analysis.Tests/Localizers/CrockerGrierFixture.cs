using System.Globalization;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>Reads the numpy/scipy reference files made by Fixtures/CrockerGrier/make_fixtures.py.</summary>
internal sealed class CrockerGrierFixture
{
    private readonly Dictionary<string, double[]> _entries = new(StringComparer.Ordinal);

    private CrockerGrierFixture(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _entries[parts[0]] = parts.Skip(1).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }
    }

    public int Height => (int)this["shape"][0];

    public int Width => (int)this["shape"][1];

    public double[] this[string key] => _entries[key];

    public static CrockerGrierFixture Load(string name) =>
        new(Path.Combine(AppContext.BaseDirectory, "Fixtures", "CrockerGrier", name));

    public float[] Floats(string key) => this[key].Select(v => (float)v).ToArray();
}
