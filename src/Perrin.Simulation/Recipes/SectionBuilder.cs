using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Collects the fields of one section (or of a group inside it) for the fluent recipe API.</summary>
public abstract class SectionBuilder<TSelf>
    where TSelf : SectionBuilder<TSelf>
{
    private readonly List<KeyValuePair<string, PropertySpec>> _entries;
    private readonly string _prefix;

    protected SectionBuilder()
        : this([], string.Empty)
    {
    }

    private protected SectionBuilder(List<KeyValuePair<string, PropertySpec>> entries, string prefix)
    {
        _entries = entries;
        _prefix = prefix;
    }

    /// <summary>Sets any field by its key in the section (<c>psf.zernike.5</c>); unknown keys are reported by Build.</summary>
    public TSelf Set(string key, PropertySpec spec)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(spec);
        var full = _prefix + key;
        var index = _entries.FindIndex(e => e.Key == full);
        if (index >= 0)
        {
            _entries[index] = new(full, spec);
        }
        else
        {
            _entries.Add(new(full, spec));
        }

        return (TSelf)this;
    }

    private protected List<KeyValuePair<string, PropertySpec>> Entries => _entries;

    internal PropertyMap ToMap() => new(_entries);
}
