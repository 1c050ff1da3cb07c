using System.Globalization;
using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;
using Perrin.Nn.Tests.Serialization;

namespace Perrin.Nn.Tests.Models;

/// <summary>
/// Model files opened by Python: with numpy alone (a safetensors parser in a few lines), and, where Debian's
/// torch is installed, loaded with load_state_dict(strict=True) into the PyTorch networks they mirror, whose
/// forward must then agree with ours.
/// </summary>
public sealed class ModelFilePythonTests : IDisposable
{
    private const string Reader = """
        import json, struct, sys
        import numpy as np
        def read(path):
            with open(path, 'rb') as f:
                data = f.read()
            n = struct.unpack('<Q', data[:8])[0]
            header = json.loads(data[8:8 + n])
            meta = header.pop('__metadata__', {})
            out = {}
            for name, info in header.items():
                dtype = {'F32': '<f4', 'I64': '<i8'}[info['dtype']]
                a, b = info['data_offsets']
                out[name] = np.frombuffer(data[8 + n + a:8 + n + b], dtype=dtype).reshape(info['shape'])
            return meta, out
        """;

    private const string NumpyScript = Reader + """

        meta, tensors = read(sys.argv[1])
        arch = json.loads(meta['perrin.architecture'])
        print(arch['type'])
        for name in sorted(tensors):
            t = tensors[name]
            print(name, t.dtype.str, list(t.shape), repr(float(t.astype(np.float64).sum())))
        """;

    private const string TorchScript = Reader + """

        import importlib.util
        import torch
        import torch.nn as nn
        def cnn(a):
            layers, cin = [], a['inputChannels']
            for c in a['convChannels']:
                layers.append(nn.Conv2d(cin, c, a['kernelSize'], padding=a['padding'], bias=not a['batchNorm']))
                if a['batchNorm']:
                    layers.append(nn.BatchNorm2d(c))
                layers += [nn.ReLU(), nn.MaxPool2d(a['poolSize'])]
                cin = c
            layers.append(nn.Flatten())
            f = nn.Sequential(*layers)(torch.zeros(1, a['inputChannels'], a['inputHeight'], a['inputWidth'])).shape[1]
            for d in a['denseSizes']:
                layers += [nn.Linear(f, d), nn.ReLU()]
                f = d
            layers.append(nn.Linear(f, a['outputs']))
            return nn.Sequential(*layers)
        meta, state = read(sys.argv[2])
        arch = json.loads(meta['perrin.architecture'])
        if arch['type'] == 'unet':
            spec = importlib.util.spec_from_file_location('reference', sys.argv[1])
            reference = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(reference)
            net = reference.UNet(tuple(arch['levels']), arch['bottleneck'])
        else:
            net = cnn(arch)
        net.load_state_dict({k: torch.from_numpy(v.copy()) for k, v in state.items()}, strict=True)
        net.eval()
        _, io = read(sys.argv[3])
        with torch.no_grad():
            y = net(torch.from_numpy(io['input'].copy()))
        expected = torch.from_numpy(io['output'].copy())
        print(list(y.shape), repr((y - expected).abs().max().item()), repr(expected.abs().max().item()))
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("perrin-models-py-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [PythonFact("numpy")]
    public void NumpyReadsEveryTensorWithItsNameDtypeShapeAndValues()
    {
        var model = ModelFactory.Create(SampleConfigs.UNet, new RandomStream(5, 0));
        using (var x = Tensor.Uniform(new RandomStream(6, 0), 0f, 1f, 2, 1, 8, 8)) model.Forward(x).DisposeGraph();
        var path = PathOf("unet.safetensors");
        ModelStore.Save(path, model, SampleConfigs.UNet);

        var lines = PythonRunner.Run(NumpyScript, path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unet", lines[0]);
        var state = model.StateDict();
        Assert.Equal(state.Count, lines.Length - 1);
        foreach (var line in lines[1..])
        {
            var parts = line.Split(' ', 2);
            var t = state[parts[0]];
            var dtype = parts[0].EndsWith("num_batches_tracked", StringComparison.Ordinal) ? "<i8" : "<f4";
            var sum = 0.0;
            foreach (var v in t.Span) sum += v;
            var rest = parts[1].Split(' ', 2);
            Assert.Equal(dtype, rest[0]);
            var shapeAndSum = rest[1];
            var close = shapeAndSum.LastIndexOf(']');
            Assert.Equal("[" + string.Join(", ", t.ShapeArray()) + "]", shapeAndSum[..(close + 1)]);
            Assert.Equal(sum, double.Parse(shapeAndSum[(close + 1)..], CultureInfo.InvariantCulture), 1e-9 * Math.Max(1, Math.Abs(sum)));
        }
    }

    [PythonFact("numpy", "torch")]
    public void UNetBenchFileLoadsIntoTorchReferenceAndGivesOurOutput()
    {
        var (maxError, scale) = CompareWithTorch(UNetConfig.Bench, [2, 1, 32, 32], "unet");
        Assert.True(maxError <= 1e-5 * Math.Max(1, scale), $"torch differs by {maxError} (outputs up to {scale})");
    }

    [PythonFact("numpy", "torch")]
    public void CnnWithBatchNormLoadsIntoTorchWithItsInt64Counters()
    {
        var config = new CnnConfig { InputHeight = 20, InputWidth = 20, ConvChannels = [4, 8], Padding = 1, BatchNorm = true, DenseSizes = [6], Outputs = 3 };
        var (maxError, scale) = CompareWithTorch(config, [3, 1, 20, 20], "cnn");
        Assert.True(maxError <= 1e-5 * Math.Max(1, scale), $"torch differs by {maxError} (outputs up to {scale})");
    }

    /// <summary>Saves a model (after one training-mode forward, so batch statistics moved) and its eval output on a fixed input; returns torch's max error and output scale.</summary>
    private (double MaxError, double Scale) CompareWithTorch(ModelConfig config, int[] inputShape, string name)
    {
        var model = ModelFactory.Create(config, new RandomStream(11, 0));
        using (var warm = Tensor.Uniform(new RandomStream(12, 0), 0f, 2f, inputShape)) model.Forward(warm).DisposeGraph();
        model.Eval();
        var path = PathOf(name + ".safetensors");
        ModelStore.Save(path, model, config);
        using var x = Tensor.Uniform(new RandomStream(13, 0), 0f, 1f, inputShape);
        Tensor y;
        using (GradMode.NoGrad()) y = model.Forward(x);
        var io = PathOf(name + "-io.safetensors");
        new SafeTensorsWriter()
            .Add(new NamedArray("input", x.ShapeArray(), x.ToArray()))
            .Add(new NamedArray("output", y.ShapeArray(), y.ToArray()))
            .Save(io);
        var fields = PythonRunner.Run(TorchScript, TorchReference(), path, io).Trim().Split(' ');
        Assert.Equal("[" + string.Join(", ", y.ShapeArray()) + "]", string.Join(" ", fields[..^2]));
        return (double.Parse(fields[^2], CultureInfo.InvariantCulture), double.Parse(fields[^1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// shared/bench/torch_reference.py when the checkout sits next to it; otherwise the golden-fixture script,
    /// whose UNet mirrors it line for line.
    /// </summary>
    private static string TorchReference()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "torch_reference.py");
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(Golden.GoldenCase.Folder, "make_golden.py");
    }
}
