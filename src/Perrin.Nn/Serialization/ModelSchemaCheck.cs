using Perrin.Core.IO;

namespace Perrin.Nn.Serialization;

/// <summary>Compares a model file's tensors with what the architecture expects and reports the first difference.</summary>
internal static class ModelSchemaCheck
{
    public static void ThrowOnMismatch(SafeTensorsReader reader, ModelSchema schema, bool convertToFloat32)
    {
        var problems = new List<(string Problem, long? Offset)>();
        foreach (var (name, shape, isFloat) in Expected(schema))
        {
            if (!reader.TryGetInfo(name, out var info))
            {
                problems.Add(($"tensor '{name}' {ShapeFormat.Of(shape)} expected by the architecture is missing", null));
                continue;
            }

            var dtypeOk = isFloat
                ? info.DType == SafeTensorsDType.F32 || convertToFloat32
                : info.DType == SafeTensorsDType.I64;
            if (!dtypeOk)
            {
                problems.Add(($"tensor '{name}' has dtype {info.DType}, the architecture expects {(isFloat ? "F32" : "I64")}", info.FileOffset));
            }
            else if (!info.Shape.AsSpan().SequenceEqual(shape))
            {
                problems.Add(($"tensor '{name}' has shape {info.ShapeText}, the architecture expects {ShapeFormat.Of(shape)}", info.FileOffset));
            }
        }

        foreach (var t in reader.Tensors)
        {
            if (!schema.Float32Tensors.ContainsKey(t.Name) && !schema.Int64Tensors.ContainsKey(t.Name))
            {
                problems.Add(($"tensor '{t.Name}' {t.ShapeText} in the file is not part of the architecture", t.FileOffset));
            }
        }

        if (problems.Count > 0)
        {
            var (problem, offset) = problems[0];
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more mismatches)" : "";
            throw new PerrinFormatException(reader.SourceName, offset, problem + more);
        }
    }

    private static List<(string Name, int[] Shape, bool IsFloat)> Expected(ModelSchema schema)
    {
        var all = new List<(string Name, int[] Shape, bool IsFloat)>();
        foreach (var (name, shape) in schema.Float32Tensors)
        {
            all.Add((name, shape, true));
        }

        foreach (var (name, shape) in schema.Int64Tensors)
        {
            if (schema.Float32Tensors.ContainsKey(name))
            {
                throw new ArgumentException($"model schema: tensor '{name}' is listed both as float32 and as int64", nameof(schema));
            }

            all.Add((name, shape, false));
        }

        all.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return all;
    }
}
