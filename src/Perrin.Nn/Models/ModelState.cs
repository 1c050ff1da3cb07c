using Perrin.Nn.Layers;
using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// A model's tensors as a model file stores them: float32 parameters and buffers, except the batch counters of
/// BatchNorm2d, which PyTorch keeps as int64 (load_state_dict refuses them otherwise).
/// </summary>
internal static class ModelState
{
    private const string CounterName = "num_batches_tracked";

    /// <summary>The dotted names of the int64 buffers.</summary>
    public static HashSet<string> Int64Names(Module model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(model, "", names);
        return names;
    }

    private static void Collect(Module module, string prefix, HashSet<string> names)
    {
        if (module is BatchNorm2d { NumBatchesTracked: not null }) names.Add(prefix + CounterName);
        foreach (var (name, child) in module.Children()) Collect(child, prefix + name + ".", names);
    }

    /// <summary>The schema of <paramref name="model"/>: every tensor's name and shape, split by dtype.</summary>
    public static ModelSchema Schema(Module model, string architecture)
    {
        var integers = Int64Names(model);
        var floats = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var longs = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, t) in model.StateDict())
            (integers.Contains(name) ? longs : floats)[name] = t.ShapeArray();
        return new ModelSchema(architecture, floats, longs);
    }

    /// <summary>Copies of the model's tensors for writing.</summary>
    public static (List<NamedArray> Floats, List<NamedInt64Array> Longs) Export(Module model)
    {
        var integers = Int64Names(model);
        var floats = new List<NamedArray>();
        var longs = new List<NamedInt64Array>();
        foreach (var (name, t) in model.StateDict())
        {
            if (!integers.Contains(name))
            {
                floats.Add(new NamedArray(name, t.ShapeArray(), t.ToArray()));
                continue;
            }
            var values = new long[t.Length];
            for (var i = 0; i < values.Length; i++) values[i] = (long)MathF.Round(t.Span[i]);
            longs.Add(new NamedInt64Array(name, t.ShapeArray(), values));
        }
        return (floats, longs);
    }

    /// <summary>Copies a file's tensors into the model (int64 counters converted to the float buffers).</summary>
    public static void Import(Module model, ModelFileContent content)
    {
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var a in content.Tensors)
        {
            values[a.Name] = a.Data;
            shapes[a.Name] = a.Shape;
        }
        foreach (var a in content.Int64Tensors)
        {
            var f = new float[a.Data.Length];
            for (var i = 0; i < f.Length; i++) f[i] = a.Data[i];
            values[a.Name] = f;
            shapes[a.Name] = a.Shape;
        }
        model.LoadStateDict(values, shapes);
    }

    /// <summary>The first difference between two models' tensor names and shapes, or null when they agree.</summary>
    public static string? FirstDifference(Module model, Module reference)
    {
        var mine = model.StateDict();
        var expected = reference.StateDict();
        foreach (var (name, t) in expected)
        {
            if (!mine.TryGetValue(name, out var m)) return $"tensor '{name}' {ShapeText.Format(t.Shape)} of the configuration is missing from the model";
            if (!m.Shape.SequenceEqual(t.Shape))
                return $"tensor '{name}' has shape {ShapeText.Format(m.Shape)} in the model but {ShapeText.Format(t.Shape)} in the configuration";
        }
        foreach (var (name, t) in mine)
            if (!expected.ContainsKey(name)) return $"tensor '{name}' {ShapeText.Format(t.Shape)} of the model is not part of the configuration";
        return null;
    }
}
