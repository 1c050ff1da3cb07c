using System.Buffers;
using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using Perrin.Core.IO;

namespace Perrin.Nn.Serialization;

/// <summary>
/// Collects named tensors and metadata and writes them as one safetensors file. The output depends only on the
/// content: tensors are ordered by element size (largest first, which keeps every tensor aligned to its element size)
/// and then by ordinal name, and metadata keys are sorted, so equal content always gives byte-identical files.
/// </summary>
public sealed class SafeTensorsWriter
{
    /// <summary>The reserved header key that holds string metadata.</summary>
    public const string MetadataKey = "__metadata__";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly List<Entry> _entries = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _metadata = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public SafeTensorsWriter Add(NamedArray tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(tensor.Data);
        AddEntry(tensor.Name, tensor.Shape, SafeTensorsDType.F32, tensor.Data.Length, tensor.Data);
        return this;
    }

    public SafeTensorsWriter Add(NamedInt64Array tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(tensor.Data);
        AddEntry(tensor.Name, tensor.Shape, SafeTensorsDType.I64, tensor.Data.Length, tensor.Data);
        return this;
    }

    public SafeTensorsWriter AddRange(IEnumerable<NamedArray> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var t in tensors)
        {
            Add(t);
        }

        return this;
    }

    public SafeTensorsWriter AddMetadata(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_metadata.TryAdd(key, value))
        {
            throw new ArgumentException($"safetensors: metadata key '{key}' is given twice", nameof(key));
        }

        return this;
    }

    /// <summary>Writes the file through <see cref="AtomicFileWriter"/>: the target is replaced only once complete.</summary>
    public void Save(string path) => AtomicFileWriter.Write(path, WriteTo);

    public byte[] ToArray()
    {
        using var memory = new MemoryStream();
        WriteTo(memory);
        return memory.ToArray();
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ordered = Ordered();
        var header = Header(ordered);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (var entry in ordered)
        {
            if (entry.Data is float[] floats)
            {
                LittleEndianWriter.Write(stream, floats);
            }
            else
            {
                LittleEndianWriter.Write(stream, (long[])entry.Data);
            }
        }
    }

    private void AddEntry(string name, int[] shape, SafeTensorsDType dtype, int length, Array data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (name == MetadataKey)
        {
            throw new ArgumentException($"safetensors: '{MetadataKey}' is reserved and cannot name a tensor", nameof(name));
        }

        var count = ShapeFormat.ElementCount(shape);
        if (count != length)
        {
            throw new ArgumentException(
                $"safetensors: tensor '{name}' has shape {ShapeFormat.Of(shape)} ({(count < 0 ? "invalid" : count.ToString(System.Globalization.CultureInfo.InvariantCulture))} elements) but {length} values",
                nameof(shape));
        }

        if (!_names.Add(name))
        {
            throw new ArgumentException($"safetensors: tensor '{name}' is added twice", nameof(name));
        }

        _entries.Add(new Entry(name, dtype, (int[])shape.Clone(), data, (long)length * dtype.ElementSize()));
    }

    private List<Entry> Ordered()
    {
        var ordered = new List<Entry>(_entries);
        ordered.Sort(static (a, b) =>
        {
            var bySize = b.DType.ElementSize().CompareTo(a.DType.ElementSize());
            return bySize != 0 ? bySize : string.CompareOrdinal(a.Name, b.Name);
        });
        return ordered;
    }

    private byte[] Header(List<Entry> ordered)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            if (_metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in _metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var entry in ordered)
            {
                json.WriteStartObject(entry.Name);
                json.WriteString("dtype", entry.DType.HeaderName());
                json.WriteStartArray("shape");
                foreach (var d in entry.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + entry.ByteLength);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += entry.ByteLength;
            }

            json.WriteEndObject();
        }

        // Padding to a multiple of 8 puts the data start on an 8-byte boundary, as the format recommends.
        var padded = (buffer.WrittenCount + 7) & ~7;
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    private sealed record Entry(string Name, SafeTensorsDType DType, int[] Shape, Array Data, long ByteLength);
}
