using System.Buffers.Binary;
using Perrin.Core.IO;

namespace Perrin.Nn.Serialization;

/// <summary>
/// Opens a safetensors file: the header is read and fully validated on open (see <see cref="SafeTensorsHeader"/>);
/// tensor data is read on demand. Bad input only ever raises <see cref="PerrinFormatException"/>.
/// </summary>
public sealed class SafeTensorsReader : IDisposable
{
    /// <summary>Headers larger than this are refused before anything is allocated for them.</summary>
    public const long MaxHeaderBytes = 100L << 20;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly SafeTensorsHeader _header;

    private SafeTensorsReader(Stream stream, string source, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        SourceName = source;
        _header = ReadHeader(stream, source);
    }

    /// <summary>The file path (or the name given for a stream) used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>Tensor entries in the order their data lies in the file.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors => _header.Tensors;

    public IReadOnlyDictionary<string, string> Metadata => _header.Metadata;

    public static SafeTensorsReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new SafeTensorsReader(stream, path, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads from a seekable stream positioned anywhere; <paramref name="sourceName"/> names it in errors.</summary>
    public static SafeTensorsReader Open(Stream stream, string? sourceName = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("safetensors: the stream must be readable and seekable", nameof(stream));
        }

        return new SafeTensorsReader(stream, sourceName ?? "<stream>", leaveOpen);
    }

    public bool Contains(string name) => _header.ByName.ContainsKey(name);

    public bool TryGetInfo(string name, out SafeTensorInfo info) => _header.ByName.TryGetValue(name, out info!);

    public SafeTensorInfo GetInfo(string name) =>
        _header.ByName.TryGetValue(name, out var info)
            ? info
            : throw new PerrinFormatException(SourceName, null, $"there is no tensor '{name}' in the file");

    /// <summary>
    /// Reads a tensor as float32. A tensor of another dtype is refused unless <paramref name="convert"/> is set,
    /// in which case every dtype is converted value by value (F16/BF16/F64 rounded to nearest, integers as exact as float32 allows).
    /// </summary>
    public NamedArray ReadFloat32(string name, bool convert = false)
    {
        var info = GetInfo(name);
        if (info.DType != SafeTensorsDType.F32 && !convert)
        {
            throw WrongDType(info, "F32");
        }

        var values = new float[CheckedCount(info)];
        ReadInto(info, values, static (bytes, dtype, into) => TensorDecoder.ToFloat32(bytes, dtype, into));
        return new NamedArray(info.Name, (int[])info.Shape.Clone(), values);
    }

    /// <summary>Reads an integer tensor as int64; other integer dtypes only with <paramref name="convert"/>.</summary>
    public NamedInt64Array ReadInt64(string name, bool convert = false)
    {
        var info = GetInfo(name);
        if (info.DType != SafeTensorsDType.I64 && (!convert || info.DType.IsFloatingPoint()))
        {
            throw WrongDType(info, convert ? "an integer dtype" : "I64");
        }

        var values = new long[CheckedCount(info)];
        ReadInto(info, values, static (bytes, dtype, into) => TensorDecoder.ToInt64(bytes, dtype, into));
        return new NamedInt64Array(info.Name, (int[])info.Shape.Clone(), values);
    }

    /// <summary>The raw little-endian bytes of a tensor, whatever its dtype.</summary>
    public byte[] ReadBytes(string name)
    {
        var info = GetInfo(name);
        if (info.ByteLength > Array.MaxLength)
        {
            throw TooLarge(info);
        }

        var bytes = new byte[info.ByteLength];
        ReadExactly(info, info.FileOffset, bytes);
        return bytes;
    }

    /// <summary>Every tensor as float32, in file order.</summary>
    public IReadOnlyList<NamedArray> ReadAllFloat32(bool convert = false)
    {
        var all = new List<NamedArray>(Tensors.Count);
        foreach (var t in Tensors)
        {
            all.Add(ReadFloat32(t.Name, convert));
        }

        return all;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static SafeTensorsHeader ReadHeader(Stream stream, string source)
    {
        var fileLength = stream.Length;
        if (fileLength < 8)
        {
            throw new PerrinFormatException(source, 0,
                $"the file is {fileLength} bytes long, too short for the 8-byte header length of a safetensors file");
        }

        Span<byte> prefix = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(fileLength - 8))
        {
            throw new PerrinFormatException(source, 0,
                $"the header length {headerLength} runs past the end of the {fileLength}-byte file (truncated, or not a safetensors file)");
        }

        if (headerLength > MaxHeaderBytes)
        {
            throw new PerrinFormatException(source, 0,
                $"the header length {headerLength} exceeds the {MaxHeaderBytes}-byte limit for a safetensors header");
        }

        if (headerLength < 2)
        {
            throw new PerrinFormatException(source, 0, $"the header length {headerLength} cannot hold a JSON object");
        }

        var json = new byte[headerLength];
        stream.ReadExactly(json);
        return SafeTensorsHeader.Parse(source, json, fileLength - 8 - (long)headerLength);
    }

    private void ReadInto<T>(SafeTensorInfo info, T[] values, Decode<T> decode)
    {
        const int chunkBytes = 1 << 16;
        var size = info.DType.ElementSize();
        var buffer = new byte[Math.Min(chunkBytes, info.ByteLength)];
        var perChunk = buffer.Length / Math.Max(size, 1);
        var position = info.FileOffset;
        for (var start = 0; start < values.Length; start += perChunk)
        {
            var n = Math.Min(perChunk, values.Length - start);
            var bytes = buffer.AsSpan(0, n * size);
            ReadExactly(info, position, bytes);
            decode(bytes, info.DType, values.AsSpan(start, n));
            position += bytes.Length;
        }
    }

    private void ReadExactly(SafeTensorInfo info, long position, Span<byte> into)
    {
        try
        {
            _stream.Position = position;
            _stream.ReadExactly(into);
        }
        catch (EndOfStreamException e)
        {
            throw new PerrinFormatException(SourceName, position,
                $"the file ended while reading tensor '{info.Name}' (was it truncated after opening?)", e);
        }
    }

    private int CheckedCount(SafeTensorInfo info) =>
        info.ElementCount <= Array.MaxLength ? (int)info.ElementCount : throw TooLarge(info);

    private PerrinFormatException TooLarge(SafeTensorInfo info) =>
        new(SourceName, info.FileOffset, $"tensor '{info.Name}' with shape {info.ShapeText} is too large to load into one array");

    private PerrinFormatException WrongDType(SafeTensorInfo info, string expected) =>
        new(SourceName, info.FileOffset, $"tensor '{info.Name}' has dtype {info.DType}, expected {expected}");

    private delegate void Decode<T>(ReadOnlySpan<byte> bytes, SafeTensorsDType dtype, Span<T> into);
}
