using System.Globalization;
using System.Text.Json;
using Perrin.Core.IO;

namespace Perrin.Nn.Serialization;

/// <summary>
/// Parses and validates a safetensors JSON header. Every entry is checked against the size of the data region
/// before anything is allocated for tensor data: known dtype, shape × element size = offset span, offsets inside
/// the data, and the entries tiling the data region exactly (no gap, no overlap, no trailing bytes).
/// </summary>
internal sealed class SafeTensorsHeader
{
    private const int HeaderStart = 8;

    private readonly string _source;
    private readonly long _dataStart;
    private readonly long _dataLength;
    private readonly Dictionary<string, SafeTensorInfo> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private bool _sawMetadata;

    private SafeTensorsHeader(string source, long dataStart, long dataLength)
    {
        _source = source;
        _dataStart = dataStart;
        _dataLength = dataLength;
    }

    public IReadOnlyList<SafeTensorInfo> Tensors { get; private set; } = [];

    public IReadOnlyDictionary<string, SafeTensorInfo> ByName => _byName;

    public IReadOnlyDictionary<string, string> Metadata => _metadata;

    public static SafeTensorsHeader Parse(string source, byte[] json, long dataLength)
    {
        var header = new SafeTensorsHeader(source, HeaderStart + json.Length, dataLength);
        try
        {
            header.ParseJson(json);
        }
        catch (JsonException e)
        {
            long? at = e.LineNumber == 0 && e.BytePositionInLine is { } p ? HeaderStart + p : null;
            throw new PerrinFormatException(source, at, $"the header is not valid JSON ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports invalid UTF-8 inside a string only when the string is decoded, this way.
            throw new PerrinFormatException(source, HeaderStart, $"the header is not valid UTF-8 JSON ({e.Message})", e);
        }

        header.CheckTiling();
        return header;
    }

    private void ParseJson(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Fail(reader.TokenStartIndex, "the header must be a JSON object");
        }

        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            var at = reader.TokenStartIndex;
            Next(ref reader);
            if (name == SafeTensorsWriter.MetadataKey)
            {
                ParseMetadata(ref reader, at);
            }
            else
            {
                ParseTensor(ref reader, name, at);
            }
        }

        if (reader.Read())
        {
            throw Fail(reader.TokenStartIndex, "the header has data after its closing brace");
        }
    }

    private void ParseMetadata(ref Utf8JsonReader reader, long at)
    {
        if (_sawMetadata)
        {
            throw Fail(at, $"'{SafeTensorsWriter.MetadataKey}' appears twice");
        }

        _sawMetadata = true;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        Expect(ref reader, JsonTokenType.StartObject, $"'{SafeTensorsWriter.MetadataKey}' must be an object of strings");
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            var keyAt = reader.TokenStartIndex;
            Next(ref reader);
            Expect(ref reader, JsonTokenType.String, $"metadata value of '{key}' must be a string, found {reader.TokenType}");
            if (!_metadata.TryAdd(key, reader.GetString()!))
            {
                throw Fail(keyAt, $"metadata key '{key}' appears twice");
            }
        }
    }

    private void ParseTensor(ref Utf8JsonReader reader, string name, long at)
    {
        Expect(ref reader, JsonTokenType.StartObject, $"tensor '{name}' must be an object with dtype, shape and data_offsets");
        string? dtypeName = null;
        List<int>? shape = null;
        List<long>? offsets = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var field = reader.GetString()!;
            var fieldAt = reader.TokenStartIndex;
            Next(ref reader);
            switch (field)
            {
                case "dtype" when dtypeName is null:
                    Expect(ref reader, JsonTokenType.String, $"tensor '{name}': dtype must be a string");
                    dtypeName = reader.GetString()!;
                    break;
                case "shape" when shape is null:
                    shape = ReadIntegers(ref reader, name, field, int.MaxValue).ConvertAll(static v => (int)v);
                    break;
                case "data_offsets" when offsets is null:
                    offsets = ReadIntegers(ref reader, name, field, long.MaxValue);
                    break;
                case "dtype" or "shape" or "data_offsets":
                    throw Fail(fieldAt, $"tensor '{name}': field '{field}' appears twice");
                default:
                    throw Fail(fieldAt, $"tensor '{name}': unexpected field '{field}' (expected dtype, shape, data_offsets)");
            }
        }

        if (dtypeName is null || shape is null || offsets is null)
        {
            var missing = dtypeName is null ? "dtype" : shape is null ? "shape" : "data_offsets";
            throw Fail(at, $"tensor '{name}' has no '{missing}'");
        }

        AddTensor(name, at, dtypeName, shape, offsets);
    }

    private void AddTensor(string name, long at, string dtypeName, List<int> shape, List<long> offsets)
    {
        if (!SafeTensorsDTypeExtensions.TryParse(dtypeName, out var dtype))
        {
            throw Fail(at, $"tensor '{name}' has unknown dtype '{dtypeName}' (expected one of {SafeTensorsDTypeExtensions.KnownNames()})");
        }

        if (offsets.Count != 2)
        {
            throw Fail(at, $"tensor '{name}': data_offsets must hold 2 numbers [begin,end], found {offsets.Count}");
        }

        var (begin, end) = (offsets[0], offsets[1]);
        if (begin > end || end > _dataLength)
        {
            throw Fail(at, $"tensor '{name}': data_offsets [{begin},{end}] do not lie within the {_dataLength}-byte data region");
        }

        var count = ShapeFormat.ElementCount(shape);
        var size = dtype.ElementSize();
        if (count < 0 || count > long.MaxValue / size || count * size != end - begin)
        {
            throw Fail(at, $"tensor '{name}': shape {ShapeFormat.Of(shape)} of {dtype} needs {Describe(count, size)} bytes but data_offsets [{begin},{end}] span {end - begin}");
        }

        var info = new SafeTensorInfo(name, dtype, [.. shape], begin, end, _dataStart + begin);
        if (!_byName.TryAdd(name, info))
        {
            throw Fail(at, $"tensor '{name}' appears twice in the header");
        }
    }

    private void CheckTiling()
    {
        var sorted = new List<SafeTensorInfo>(_byName.Values);
        sorted.Sort(static (a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        SafeTensorInfo? previous = null;
        foreach (var t in sorted)
        {
            if (t.Begin > expected)
            {
                throw new PerrinFormatException(_source, _dataStart + expected,
                    $"data bytes [{expected},{t.Begin}) before tensor '{t.Name}' belong to no tensor");
            }

            if (t.Begin < expected)
            {
                throw new PerrinFormatException(_source, t.FileOffset,
                    $"tensor '{t.Name}' (data_offsets [{t.Begin},{t.End}]) overlaps tensor '{previous!.Name}' (data_offsets [{previous.Begin},{previous.End}])");
            }

            expected = t.End;
            previous = t;
        }

        if (expected != _dataLength)
        {
            throw new PerrinFormatException(_source, _dataStart + expected,
                $"the tensors end at data byte {expected} but the data region holds {_dataLength} bytes");
        }

        Tensors = sorted;
    }

    private List<long> ReadIntegers(ref Utf8JsonReader reader, string name, string field, long max)
    {
        Expect(ref reader, JsonTokenType.StartArray, $"tensor '{name}': {field} must be an array of non-negative integers");
        var values = new List<long>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var v) || v < 0 || v > max)
            {
                throw Fail(reader.TokenStartIndex,
                    $"tensor '{name}': {field} must hold integers from 0 to {max.ToString(CultureInfo.InvariantCulture)}");
            }

            values.Add(v);
        }

        return values;
    }

    private static string Describe(long count, int size) =>
        count < 0 || count > long.MaxValue / size ? "more than 2^63" : (count * size).ToString(CultureInfo.InvariantCulture);

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the header ends inside a JSON value");
        }

        return reader.TokenType;
    }

    private void Expect(ref Utf8JsonReader reader, JsonTokenType type, string problem)
    {
        if (reader.TokenType != type)
        {
            throw Fail(reader.TokenStartIndex, problem);
        }
    }

    private PerrinFormatException Fail(long jsonOffset, string problem) => new(_source, HeaderStart + jsonOffset, problem);
}
