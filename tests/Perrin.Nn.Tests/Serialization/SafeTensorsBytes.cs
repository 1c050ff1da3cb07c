using System.Buffers.Binary;
using System.Text;
using Perrin.Core.IO;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

/// <summary>Builds safetensors files by hand from a header text and data bytes, independently of the writer.</summary>
internal static class SafeTensorsBytes
{
    public static byte[] Build(string headerJson, byte[] data, bool pad = true)
    {
        var json = Encoding.UTF8.GetBytes(headerJson);
        var length = pad ? (json.Length + 7) / 8 * 8 : json.Length;
        var file = new byte[8 + length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)length);
        json.CopyTo(file, 8);
        file.AsSpan(8 + json.Length, length - json.Length).Fill((byte)' ');
        data.CopyTo(file, 8 + length);
        return file;
    }

    public static SafeTensorsReader Open(byte[] file, string name = "test.safetensors") =>
        SafeTensorsReader.Open(new MemoryStream(file, writable: false), name);

    public static byte[] Floats(params float[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        return bytes;
    }

    /// <summary>Opens the file and reads every tensor; the test expects this to be refused.</summary>
    public static PerrinFormatException Fails(byte[] file) => Assert.Throws<PerrinFormatException>(() =>
    {
        using var reader = Open(file);
        foreach (var t in reader.Tensors)
        {
            reader.ReadBytes(t.Name);
        }
    });
}
