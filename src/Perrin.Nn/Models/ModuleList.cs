using System.Globalization;
using Perrin.Nn.Layers;

namespace Perrin.Nn.Models;

/// <summary>
/// Sub-modules named "0", "1", … that their owner runs itself, as PyTorch's nn.ModuleList; it has no forward of
/// its own.
/// </summary>
public sealed class ModuleList : Module
{
    private readonly List<Module> _modules = [];

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Count;

    /// <summary>Module <paramref name="index"/>.</summary>
    public Module this[int index] => _modules[index];

    /// <summary>Appends a module.</summary>
    public ModuleList Add(Module module)
    {
        _modules.Add(RegisterModule(_modules.Count.ToString(CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException("ModuleList holds modules for its owner to run; call Forward on the individual modules.");
}
