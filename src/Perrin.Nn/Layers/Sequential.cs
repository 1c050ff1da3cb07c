namespace Perrin.Nn.Layers;

/// <summary>Modules applied one after the other, named "0", "1", … as in PyTorch.</summary>
public sealed class Sequential : Module
{
    private readonly List<Module> _modules = [];

    /// <summary>A chain of <paramref name="modules"/>.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) Add(m);
    }

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Count;

    /// <summary>Module <paramref name="index"/>.</summary>
    public Module this[int index] => _modules[index];

    /// <summary>Appends a module.</summary>
    public Sequential Add(Module module)
    {
        _modules.Add(RegisterModule(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var m in _modules)
        {
            var y = m.Forward(x);
            // Without a graph nothing downstream refers to an intermediate, so its storage can go back at once.
            if (!ReferenceEquals(x, input) && !y.RequiresGrad && !x.RequiresGrad && !ReferenceEquals(x, y)) x.Dispose();
            x = y;
        }
        return x;
    }
}
