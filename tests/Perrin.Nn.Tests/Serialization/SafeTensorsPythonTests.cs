using System.Text.Json;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

public class SafeTensorsPythonTests
{
    // Reads the file exactly as the format describes, independently of Perrin, and prints every tensor's
    // dtype, shape and raw bit patterns so that NaN payloads and -0 are compared exactly.
    private const string Script = """
        import json, struct, sys
        import numpy as np
        raw = open(sys.argv[1], 'rb').read()
        (n,) = struct.unpack('<Q', raw[:8])
        header = json.loads(raw[8:8 + n].decode('utf-8'))
        data = raw[8 + n:]
        kinds = {'F32': ('<f4', '<u4'), 'I64': ('<i8', '<i8')}
        out = {'metadata': header.pop('__metadata__', {}), 'tensors': {}}
        for name, info in header.items():
            begin, end = info['data_offsets']
            stored, bits = kinds[info['dtype']]
            values = np.frombuffer(data[begin:end], dtype=stored).reshape(info['shape'])
            out['tensors'][name] = {'dtype': info['dtype'], 'shape': list(values.shape),
                                    'bits': [int(v) for v in values.view(bits).ravel()]}
        print(json.dumps(out))
        """;

    [PythonFact("numpy")]
    public void NumpyReadsWhatPerrinWrites()
    {
        var weights = new[] { 1.5f, -0f, BitConverter.Int32BitsToSingle(0x7FC0_1234), float.NegativeInfinity, 1e-40f, -3f };
        var path = Path.Combine(Path.GetTempPath(), $"perrin-st-{Guid.NewGuid():N}.safetensors");
        try
        {
            new SafeTensorsWriter()
                .Add(new NamedArray("down.0.weight", [1, 2, 3], weights))
                .Add(new NamedArray("scalar", [], [2f]))
                .Add(new NamedArray("empty", [0], []))
                .Add(new NamedInt64Array("bn.num_batches_tracked", [], [-42]))
                .AddMetadata("perrin.recipe", "σ = 1.5 µm")
                .Save(path);

            using var result = JsonDocument.Parse(PythonRunner.Run(Script, path));
            var tensors = result.RootElement.GetProperty("tensors");
            Assert.Equal(4, tensors.EnumerateObject().Count());
            var w = tensors.GetProperty("down.0.weight");
            Assert.Equal("F32", w.GetProperty("dtype").GetString());
            Assert.Equal([1, 2, 3], w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(weights.Select(v => (long)BitConverter.SingleToUInt32Bits(v)), w.GetProperty("bits").EnumerateArray().Select(e => e.GetInt64()));
            Assert.Empty(tensors.GetProperty("scalar").GetProperty("shape").EnumerateArray());
            Assert.Equal(BitConverter.SingleToUInt32Bits(2f), tensors.GetProperty("scalar").GetProperty("bits")[0].GetUInt32());
            Assert.Empty(tensors.GetProperty("empty").GetProperty("bits").EnumerateArray());
            Assert.Equal(-42, tensors.GetProperty("bn.num_batches_tracked").GetProperty("bits")[0].GetInt64());
            Assert.Equal("σ = 1.5 µm", result.RootElement.GetProperty("metadata").GetProperty("perrin.recipe").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
