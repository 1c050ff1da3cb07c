using Perrin.Nn.Tests.Serialization;

namespace Perrin.Nn.Tests.Serialization.Onnx;

public class OnnxCheckerTests
{
    private const string Script = """
        import sys
        import onnx
        model = onnx.load(sys.argv[1])
        onnx.checker.check_model(model, full_check=True)
        print(len(model.graph.node))
        """;

    [PythonFact("onnx")]
    public void OnnxCheckerAcceptsTheExportedModel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perrin-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxSample.Build().Save(path);
            Assert.Equal("22", PythonRunner.Run(Script, path).Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
