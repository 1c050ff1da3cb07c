using System.Collections;

namespace Perrin.Simulation.Properties;

/// <summary>
/// Named property specs of one section, keyed by dotted path relative to the section (<c>na</c>,
/// <c>psf.zernike.5</c>). Keeps insertion order for writing; compares as a set of entries.
/// </summary>
public sealed class PropertyMap : IReadOnlyDictionary<string, PropertySpec>, IEquatable<PropertyMap>
{
    private readonly List<KeyValuePair<string, PropertySpec>> _entries;
    private readonly Dictionary<string, PropertySpec> _lookup;

    public PropertyMap(IEnumerable<KeyValuePair<string, PropertySpec>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        _lookup = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        foreach (var (key, spec) in _entries)
        {
            ArgumentNullException.ThrowIfNull(spec);
            if (!_lookup.TryAdd(key, spec))
            {
                throw new ArgumentException($"the key '{key}' appears twice", nameof(entries));
            }
        }
    }

    public static PropertyMap Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<PropertySpec> Values => _entries.Select(e => e.Value);

    public PropertySpec this[string key] => _lookup[key];

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, out PropertySpec value) => _lookup.TryGetValue(key, out value!);

    /// <summary>A copy with <paramref name="key"/> set (replaced in place when present, appended otherwise).</summary>
    public PropertyMap With(string key, PropertySpec spec)
    {
        var entries = new List<KeyValuePair<string, PropertySpec>>(_entries);
        var index = entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            entries[index] = new(key, spec);
        }
        else
        {
            entries.Add(new(key, spec));
        }

        return new PropertyMap(entries);
    }

    public IEnumerator<KeyValuePair<string, PropertySpec>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PropertyMap? other) =>
        other is not null && other.Count == Count && _entries.All(e => other._lookup.TryGetValue(e.Key, out var spec) && spec.Equals(e.Value));

    public override bool Equals(object? obj) => Equals(obj as PropertyMap);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, spec) in _entries)
        {
            hash ^= HashCode.Combine(key, spec);
        }

        return hash;
    }

    public override string ToString() => "{ " + string.Join(", ", _entries.Select(e => $"{e.Key}: {SpecText.Describe(e.Value)}")) + " }";
}
